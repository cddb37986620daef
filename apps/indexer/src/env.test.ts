import { describe, expect, it } from 'vitest';
import { parseIndexerEnv } from './env';

describe('parseIndexerEnv', () => {
  it('splits node lists and applies defaults', () => {
    const env = parseIndexerEnv({
      DATABASE_URL: 'postgres://x@127.0.0.1/db',
      ALPHA_NODES: 'http://127.0.0.1:3030/canary, http://127.0.0.1:3032/testnet',
    });
    expect(env.ALPHA_NODES).toEqual([
      'http://127.0.0.1:3030/canary',
      'http://127.0.0.1:3032/testnet',
    ]);
    expect(env.DELTA_NODES).toEqual([]);
    expect(env.INDEXER_PORT).toBe(3100);
  });

  it('reads the starting request rate: a number, `unpaced`, or the client default', () => {
    const base = { DATABASE_URL: 'postgres://x', ALPHA_NODES: 'http://a/canary' };
    expect(parseIndexerEnv(base).NODE_REQUESTS_PER_SECOND).toBeUndefined();
    expect(
      parseIndexerEnv({ ...base, NODE_REQUESTS_PER_SECOND: '5' }).NODE_REQUESTS_PER_SECOND,
    ).toBe(5);
    expect(
      parseIndexerEnv({ ...base, NODE_REQUESTS_PER_SECOND: 'unpaced' }).NODE_REQUESTS_PER_SECOND,
    ).toBe(Number.POSITIVE_INFINITY);
    expect(() => parseIndexerEnv({ ...base, NODE_REQUESTS_PER_SECOND: 'fast' })).toThrow(
      'NODE_REQUESTS_PER_SECOND',
    );
  });

  it.each([
    [{ ALPHA_NODES: 'http://a/canary' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://x', ALPHA_NODES: 'ftp://a' }, 'ALPHA_NODES'],
    [
      { DATABASE_URL: 'postgres://x', ALPHA_NODES: 'http://a', INDEXER_PORT: '70000' },
      'INDEXER_PORT',
    ],
    [{ DATABASE_URL: 'postgres://x' }, 'set ALPHA_NODES and/or DELTA_NODES'],
  ])('rejects %j naming %s', (env, named) => {
    expect(() => parseIndexerEnv(env)).toThrow(named);
  });
});
