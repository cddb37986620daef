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

describe('serverEnv: VOTE_RELAY_RATE', () => {
  it('is COUNT/WINDOW, 10 a minute by default', () => {
    process.env.DATABASE_URL = 'postgres://x@127.0.0.1/db';
    delete process.env.VOTE_RELAY_RATE;
    expect(serverEnv().VOTE_RELAY_RATE).toEqual({ count: 10, windowMs: 60_000 });
    process.env.VOTE_RELAY_RATE = '3/30s';
    expect(serverEnv().VOTE_RELAY_RATE).toEqual({ count: 3, windowMs: 30_000 });
  });

  it('refuses anything else with one clear line', () => {
    process.env.DATABASE_URL = 'postgres://x@127.0.0.1/db';
    process.env.VOTE_RELAY_RATE = '10 per minute';
    expect(() => serverEnv()).toThrow(
      'invalid web environment: VOTE_RELAY_RATE: a rate is COUNT/WINDOW, e.g. 10/1m or 3/30s',
    );
  });
});
