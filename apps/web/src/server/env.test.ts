import { afterEach, describe, expect, it } from 'vitest';
import { serverEnv } from './env';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('serverEnv: GOVERNOR_NODES', () => {
  it('is a comma-separated list of node URLs, empty by default', () => {
    process.env.DATABASE_URL = 'postgres://x@127.0.0.1/db';
    delete process.env.GOVERNOR_NODES;
    expect(serverEnv().GOVERNOR_NODES).toEqual([]);
    process.env.GOVERNOR_NODES = ' http://127.0.0.1:3030/canary, ,https://node.example/testnet';
    expect(serverEnv().GOVERNOR_NODES).toEqual([
      'http://127.0.0.1:3030/canary',
      'https://node.example/testnet',
    ]);
  });

  it('refuses anything else with one clear line', () => {
    process.env.DATABASE_URL = 'postgres://x@127.0.0.1/db';
    process.env.GOVERNOR_NODES = 'http://127.0.0.1:3030/canary,ftp://nope';
    expect(() => serverEnv()).toThrow(
      'invalid web environment: GOVERNOR_NODES holds http(s) node URLs with the network segment, comma-separated',
    );
  });
});
