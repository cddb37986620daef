import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { appRouter } from './root';
import { inputErrorMessage } from './trpc';

// tRPC's own HTTP handling, without a socket: input is refused before any query runs, so
// no database is needed.
async function get(path: string, input: unknown) {
  const url = `http://test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(url),
    router: appRouter,
    createContext: () => ({ db: undefined as never }),
  });
  const body = (await res.json()) as { error: { message: string; data: { code: string } } };
  return { status: res.status, message: body.error.message, code: body.error.data.code };
}

describe('input errors over HTTP', () => {
  it('read as one line naming the field, not as zod JSON', async () => {
    expect(await get('proposals.get', { proposalId: '<script>' })).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message:
        'invalid input: proposalId: a proposal id is a decimal field value, optionally ending in "field"',
    });
    expect(await get('proposals.get', 7)).toMatchObject({
      status: 400,
      message: 'invalid input: Invalid input: expected object, received number',
    });
  });

  it('formats nested paths and an empty issue list', () => {
    expect(inputErrorMessage([{ path: ['cast', 'choice'], message: 'bad' }])).toBe(
      'invalid input: cast.choice: bad',
    );
    expect(inputErrorMessage([])).toBe('invalid input');
  });
});
