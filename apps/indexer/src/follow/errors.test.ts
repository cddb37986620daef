import { NodeRequestError } from '@ratify/aleo';
import { FencedWriteError } from '@ratify/db';
import { describe, expect, it } from 'vitest';
import { classifyError, GenesisChangedError } from './errors';

const node = (kind: ConstructorParameters<typeof NodeRequestError>[0]['kind']) =>
  new NodeRequestError({ node: 'http://n/canary', route: 'GET /blocks', kind, summary: 'x' });

describe('classifyError', () => {
  it.each([
    [node('rate-limited'), 'node_rate_limited', true],
    [node('server'), 'node_retryable', true],
    [node('unreachable'), 'node_retryable', true],
    [node('invalid-answer'), 'node_bad_answer', false],
    [new FencedWriteError('lease_held', 'alpha:2:ab1', 'held by b'), 'fenced', true],
    [new GenesisChangedError('http://n', 'ab1x', 'ab1y'), 'genesis_changed', false],
    [Object.assign(new Error('terminating connection'), { code: '57P01' }), 'database', true],
    // drizzle wraps the driver's error; its code is on the cause.
    [
      new Error('Failed query: select 1', {
        cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
      }),
      'database',
      true,
    ],
    [Object.assign(new Error('duplicate key'), { code: '23505' }), 'database', false],
    [new TypeError('a bug'), 'unknown', false],
  ])('%s is %s (retryable %s)', (error, kind, retryable) => {
    expect(classifyError(error)).toEqual({ kind, retryable });
  });

  it('says which genesis a refused node serves', () => {
    expect(new GenesisChangedError('http://n/canary', 'ab1x', 'ab1y').message).toBe(
      'node http://n/canary now serves genesis ab1y, not ab1x: refused for this chain-network',
    );
  });
});
