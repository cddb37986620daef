import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';
import fc from 'fast-check';
import postgres from 'postgres';
import { E2E } from '../playwright.config';

// Hostile input against the real dashboard over HTTP: a fixed table of wrong inputs for every
// route, then property-based ones. Each must get a 4xx with a clear message, never a 5xx; no
// row anywhere may carry what was sent; and the server must keep serving.
const base = `http://127.0.0.1:${E2E.web}`;
const sql = postgres(`postgres://ratify:ratify@127.0.0.1:${E2E.pg}/ratify`, {
  max: 1,
  onnotice: () => {},
});

/** Markers every case carries where it can: none may ever reach the database. */
const MARK = 'fuzzmark';
const MARKERS = [MARK, '<script', 'onerror=', 'DROP TABLE', '\u202e'];

const BIG_DIGITS = '9'.repeat(200);
const HOSTILE_STRINGS = [
  '',
  ' ',
  'abc',
  '-1',
  '1.5',
  '1e5',
  '0x10',
  'NaN',
  'Infinity',
  BIG_DIGITS,
  '1'.repeat(81),
  `${'8444461749428370424248824938781546531375899335154063827935233455917409239041'}`,
  'field',
  '12field34',
  '\u0661\u0662\u0663',
  '\u202e123',
  '12\u0000',
  '%00',
  '%2e%2e%2f',
  '..',
  `<script>alert('${MARK}')</script>`,
  `<img src=x onerror=alert('${MARK}')>`,
  `1' OR '1'='1`,
  `1; DROP TABLE votes; -- ${MARK}`,
  '🗳️',
  'x'.repeat(4000),
];

type Seen = Map<number, number>;
const seen: Seen = new Map();
let cases = 0;

/** A client-error answer and the message it carries; fails on a 5xx or a wordless 4xx. */
async function expectClientError(res: APIResponse, what: string): Promise<string> {
  cases++;
  seen.set(res.status(), (seen.get(res.status()) ?? 0) + 1);
  const text = await res.text();
  // Soft: one run lists every failing case.
  expect.soft(res.status(), `${what}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect.soft(res.status(), `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
  const message = messageOf(text);
  expect.soft(message, `${what}: a message`).toMatch(/\S/);
  expect.soft(message.length, `${what}: one short line`).toBeLessThan(400);
  expect
    .soft(message, `${what}: no stack or internals`)
    .not.toMatch(/\n\s+at |node_modules|\.next\//);
  return message;
}

/** The error text of a JSON API, tRPC (single or batch) or plain answer. */
function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    const one = Array.isArray(body) ? body[0] : body;
    if (one && typeof one === 'object' && 'error' in one) {
      const e = (one as { error: unknown }).error;
      if (typeof e === 'string') return e;
      if (e && typeof e === 'object' && 'message' in e) return String(e.message);
    }
  } catch {}
  // Next's own 404 page: its title is the message.
  const title = /<title>([^<]*)<\/title>/.exec(text)?.[1];
  return title ?? text.trim().split('\n')[0] ?? '';
}

/** Counts a non-5xx answer that is allowed to succeed (an ignored query parameter). */
function expectNot5xx(res: APIResponse, what: string) {
  cases++;
  seen.set(res.status(), (seen.get(res.status()) ?? 0) + 1);
  expect(res.status(), what).toBeLessThan(500);
}

const trpcGet = (request: APIRequestContext, path: string, input: string) =>
  request.get(`${base}/api/trpc/${path}?input=${encodeURIComponent(input)}`);

// Each submission is its own client, so the relay's per-client limit does not turn the fuzz
// into a rate-limit test; the limit has a test of its own below.
let clientSeq = 0;
const submit = (request: APIRequestContext, body: string) => {
  clientSeq++;
  return request.post(`${base}/api/trpc/votes.submit`, {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `198.18.${(clientSeq >> 8) & 255}.${clientSeq & 255}`,
    },
  });
};

type Snapshot = { counts: Record<string, number>; marked: Record<string, number> };

async function snapshot(): Promise<Snapshot> {
  const tables = await sql<{ schema: string; name: string }[]>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      and table_schema not like 'drizzle%'`;
  const counts: Record<string, number> = {};
  const marked: Record<string, number> = {};
  for (const t of tables) {
    const id = sql(`${t.schema}.${t.name}`);
    const [c] = await sql<{ n: string }[]>`select count(*) as n from ${id}`;
    counts[t.name] = Number(c?.n);
    // A row cast to text holds every column: one scan per table finds a marker anywhere.
    const [m] = await sql<{ n: string }[]>`
      select count(*) as n from ${id} r where r::text like any(${sql.array(MARKERS.map((k) => `%${k}%`))})`;
    marked[t.name] = Number(m?.n);
  }
  return { counts, marked };
}

let before: Snapshot;
let started = 0;

test.beforeAll(async () => {
  started = Date.now();
  before = await snapshot();
  expect(Object.keys(before.counts).length, 'the stack has its tables').toBeGreaterThan(5);
});

test.afterAll(async () => {
  await sql.end();
});

test.describe.configure({ mode: 'serial' });

test('a fixed table of wrong inputs gets 4xx with a clear message on every route', async ({
  request,
}) => {
  test.setTimeout(60_000);
  const knownMissing = '12345';
  for (const s of HOSTILE_STRINGS) {
    const id = encodeURIComponent(s);
    // An empty segment is another route (`/api/v1/proposals/` redirects to the list).
    for (const path of s === ''
      ? []
      : [
          `/api/v1/proposals/${id}`,
          `/api/v1/proposals/${id}/votes.csv`,
          `/proposals/${id}/calendar.ics`,
        ]) {
      await expectClientError(await request.get(`${base}${path}`), `GET ${path}`);
    }
    await expectClientError(
      await request.get(`${base}/api/v1/alerts?limit=${id}`),
      `alerts?limit=${s.slice(0, 30)}`,
    );
    await expectClientError(
      await trpcGet(request, 'proposals.get', JSON.stringify({ proposalId: s })),
      `proposals.get ${s.slice(0, 30)}`,
    );
    await expectClientError(
      await trpcGet(
        request,
        'votes.eligibility',
        JSON.stringify({ proposalId: knownMissing, address: s }),
      ),
      `votes.eligibility address ${s.slice(0, 30)}`,
    );
    await expectClientError(
      await trpcGet(request, 'votes.status', JSON.stringify({ transactionId: s })),
      `votes.status ${s.slice(0, 30)}`,
    );
  }

  expect(
    await expectClientError(
      await request.get(`${base}/api/v1/proposals/${knownMissing}`),
      'missing proposal',
    ),
  ).toBe(`no proposal ${knownMissing}`);
  expect(
    await expectClientError(await request.get(`${base}/api/v1/alerts?limit=0`), 'limit 0'),
  ).toBe('limit is between 1 and 500');

  // Wrong types, in every position tRPC reads.
  const wrongTypes = [
    '',
    'not json',
    '{',
    'null',
    '7',
    '"x"',
    '[]',
    '{"proposalId":7}',
    '{"proposalId":null}',
    '{"proposalId":["1"]}',
    '{"proposalId":{"$gt":""}}',
    `{"proposalId":"1","__proto__":{"polluted":"${MARK}"}}`,
    `{"cast":{"proposalId":"1","voter":"ax1x","choice":9,"afterHeight":-1}}`,
    `{"expiresAtHeight":1e400}`,
    `{"expiresAtHeight":${Number.MAX_SAFE_INTEGER * 4}.5}`,
  ];
  for (const input of wrongTypes) {
    for (const path of [
      'proposals.get',
      'votes.signingContext',
      'votes.eligibility',
      'votes.status',
      'alerts.history',
    ]) {
      const res = await trpcGet(request, path, input);
      // A procedure with an optional input may take some of these: only a 5xx is a failure.
      if (res.status() < 400) expectNot5xx(res, `${path} ${input}`);
      else await expectClientError(res, `${path} ${input}`);
    }
  }

  // Deep JSON: parsed by tRPC and checked without recursion trouble.
  // (in a URL, at most ~16 kB fit in Node's header limit)
  const deep = `${'['.repeat(1_500)}${']'.repeat(1_500)}`;
  await expectClientError(await trpcGet(request, 'proposals.get', deep), 'deep array query');
  const deepObject = `{"transaction":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
  await expectClientError(await submit(request, deepObject), 'deep object vote');
  await expectClientError(
    await submit(request, `{"transaction":{"a":${'['.repeat(60_000)}${']'.repeat(60_000)}}}`),
    'deep array vote',
  );

  // Procedure names, methods and batches tRPC must refuse.
  await expectClientError(await request.get(`${base}/api/trpc/nope.nothing`), 'unknown procedure');
  await expectClientError(
    await request.get(`${base}/api/trpc/${encodeURIComponent('<script>')}`),
    'markup procedure',
  );
  await expectClientError(await request.get(`${base}/api/trpc/votes.submit`), 'GET a mutation');
  await expectClientError(
    await request.post(`${base}/api/trpc/proposals.list`, { data: '{}' }),
    'POST a query',
  );
  await expectClientError(
    await request.get(`${base}/api/trpc/proposals.get,proposals.get?batch=1&input=7`),
    'batch with a bad input map',
  );
  await expectClientError(
    await request.get(
      `${base}/api/trpc/${Array(200).fill('proposals.get').join(',')}?batch=1&input=${encodeURIComponent('{}')}`,
    ),
    'a batch of 200 without inputs',
  );

  // The vote submission: wrong types, junk transactions, and a body over the limit.
  for (const transaction of [
    'null',
    '1',
    '"tx"',
    '[]',
    '{}',
    `{"type":"execute","id":"<script>${MARK}</script>"}`,
    `{"type":"deploy","id":"at1${MARK}"}`,
    `{"type":"execute","id":"at1qqqqqqqqqqqqqqqqqqqqqqqqq","execution":{"transitions":[]}}`,
    `{"constructor":{"prototype":{"polluted":"${MARK}"}}}`,
    `{"\u202e":"${MARK}","\u0000":1}`,
    `{"big":"${'x'.repeat(130_000)}"}`,
  ]) {
    await expectClientError(
      await submit(request, `{"transaction":${transaction}}`),
      `submit ${transaction.slice(0, 60)}`,
    );
  }
  await expectClientError(await submit(request, 'not json'), 'submit: not JSON');
  expect(
    await expectClientError(
      await submit(request, `{"transaction":{"big":"${'x'.repeat(300_000)}"}}`),
      'submit: body over the limit',
    ),
  ).toBe('request body is over 262144 bytes');

  // A URL far over Node's header limit: refused by the HTTP server itself.
  const long = await request.get(`${base}/api/v1/proposals/${'1'.repeat(40_000)}`);
  cases++;
  seen.set(long.status(), (seen.get(long.status()) ?? 0) + 1);
  expect(long.status()).toBe(431);
});

test('query parameters the routes do not read are ignored, never a 5xx', async ({ request }) => {
  for (const path of [
    '/api/v1/proposals',
    '/api/v1/chains',
    '/api/v1/alerts',
    '/api/health',
    '/feed.xml',
  ]) {
    for (const q of [`x=${encodeURIComponent(HOSTILE_STRINGS[20] ?? '')}`, 'a[b][c]=1', '%zz']) {
      expectNot5xx(await request.get(`${base}${path}?${q}`), `${path}?${q}`);
    }
  }
  // The event stream answers at once and is left open: read its headers only.
  const controller = new AbortController();
  const res = await fetch(`${base}/api/stream?x=${encodeURIComponent('<script>')}`, {
    signal: controller.signal,
  });
  cases++;
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  controller.abort();
});

test('generated inputs (fast-check) never get a 5xx', async ({ request }) => {
  test.setTimeout(60_000);
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.bigInt({ min: -(10n ** 90n), max: 10n ** 90n }).map(String),
  );
  await fc.assert(
    fc.asyncProperty(hostile, async (s) => {
      const id = encodeURIComponent(s);
      const res = await request.get(`${base}/api/v1/proposals/${id}`);
      if (res.status() === 200) expectNot5xx(res, `proposal ${s}`);
      else await expectClientError(res, `proposal ${JSON.stringify(s)}`);
      const limit = await request.get(`${base}/api/v1/alerts?limit=${id}`);
      if (limit.status() === 200) expectNot5xx(limit, `limit ${s}`);
      else await expectClientError(limit, `limit ${JSON.stringify(s)}`);
    }),
    { numRuns: 60 },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('proposals.get', 'votes.eligibility', 'votes.status', 'alerts.history'),
      fc.jsonValue({ maxDepth: 6 }),
      async (path, input) => {
        const res = await trpcGet(request, path, JSON.stringify(input));
        if (res.status() < 400) expectNot5xx(res, `${path} ${JSON.stringify(input)}`);
        else await expectClientError(res, `${path} ${JSON.stringify(input).slice(0, 200)}`);
      },
    ),
    { numRuns: 80 },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.jsonValue({ maxDepth: 8 }),
        fc.record({
          type: fc.constantFrom('execute', 'deploy', 'fee', MARK),
          id: fc.string(),
          execution: fc.jsonValue({ maxDepth: 5 }),
        }),
      ),
      async (transaction) => {
        const res = await submit(request, JSON.stringify({ transaction }));
        await expectClientError(res, `submit ${JSON.stringify(transaction).slice(0, 200)}`);
      },
    ),
    { numRuns: 80 },
  );
});

test('one client is limited: the 11th vote within a minute gets 429 with the wait', async ({
  request,
}) => {
  const from = { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.77' };
  const statuses: number[] = [];
  let last = '';
  for (let i = 0; i < 11; i++) {
    const res = await request.post(`${base}/api/trpc/votes.submit`, {
      data: '{"transaction":{}}',
      headers: from,
    });
    statuses.push(res.status());
    last = messageOf(await res.text());
  }
  cases += statuses.length;
  for (const s of statuses) seen.set(s, (seen.get(s) ?? 0) + 1);
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
  expect(statuses[10]).toBe(429);
  expect(last).toMatch(/^too many votes from this client: try again in \d+ s$/);
});

test('afterwards nothing was stored and the server still serves', async ({ request }) => {
  const after = await snapshot();
  for (const [table, n] of Object.entries(after.marked))
    expect(n, `rows of ${table} carrying fuzz text`).toBe(before.marked[table] ?? 0);
  // The indexer keeps appending blocks; nothing a request sends can add a proposal or a receiver.
  for (const table of ['proposals', 'alert_receivers', 'instance'])
    if (table in before.counts)
      expect(after.counts[table], `rows of ${table}`).toBe(before.counts[table]);
  expect((await request.get(`${base}/api/health`)).status()).toBe(200);
  expect((await request.get(`${base}/`)).status()).toBe(200);
  const list = await request.get(`${base}/api/v1/proposals`);
  expect(list.status()).toBe(200);
  const summary = [...seen].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(
    `fuzz: ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${summary.join(' ')}`,
  );
});
