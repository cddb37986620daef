import { describe, expect, it } from 'vitest';
import { conditionalJson } from './public-api';

const get = (etag?: string) =>
  new Request(
    'http://dashboard/api/v1/proposals',
    etag ? { headers: { 'if-none-match': etag } } : {},
  );

describe('conditional JSON', () => {
  it('answers 304 to the ETag of the same view, and the new body once the view moved', async () => {
    const respond = conditionalJson((proposals: object) => ({ proposals }));
    const view = [{ proposalId: '1', indexedHeight: 10 }];
    const first = respond(get(), view);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(JSON.parse(await first.text())).toEqual({ proposals: view });

    const again = respond(get(etag), view);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // Weak comparison and lists of tags, as browsers and proxies send them.
    expect(respond(get(`"other", W/${etag}`), view).status).toBe(304);

    const moved = respond(get(etag), [{ proposalId: '1', indexedHeight: 11 }]);
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    // A recomputed view with the same content keeps its ETag.
    expect(respond(get(etag), [{ proposalId: '1', indexedHeight: 10 }]).status).toBe(304);
  });
});
