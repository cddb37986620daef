import { expect, type Page, test } from '@playwright/test';
import postgres from 'postgres';
import { E2E } from '../playwright.config';

const base = `http://127.0.0.1:${E2E.web}`;

type Proposal = { proposalId: string; phase: string };

async function votingProposal(): Promise<string> {
  for (let i = 0; i < 60; i++) {
    const { proposals } = (await (await fetch(`${base}/api/v1/proposals`)).json()) as {
      proposals: Proposal[];
    };
    const p = proposals.find((x) => x.phase === 'voting') ?? proposals[0];
    if (p) return p.proposalId;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the demo stack shows no proposal');
}

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy'], what).not.toContain('unsafe-eval');
}

test('every response carries the security headers; pages a fresh script nonce', async ({
  request,
}) => {
  const id = await votingProposal();
  const pages = ['/', `/proposals/${id}`, '/chains', '/split', '/wallet', '/no-such-page'];
  const nonces = new Set<string>();
  for (const path of pages) {
    const res = await request.get(`${base}${path}`);
    const headers = res.headers();
    expectCommonHeaders(headers, path);
    const policy = headers['content-security-policy'] ?? '';
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc, path).toContain("'strict-dynamic'");
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
    expect(nonce, `${path}: a nonce`).toBeTruthy();
    nonces.add(nonce ?? '');
    // Every script Next renders carries the nonce; the one without is the hashed theme script.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.length, path).toBeGreaterThan(1);
    const without = scripts.filter((attrs) => !attrs.includes(`nonce="${nonce}"`));
    expect(without, `${path}: scripts without the nonce`).toEqual(['']);
  }
  expect(nonces.size, 'a nonce per response').toBe(pages.length);

  const data = [
    '/api/v1/proposals',
    `/api/v1/proposals/${id}`,
    `/api/v1/proposals/${id}/votes.csv`,
    `/proposals/${id}/calendar.ics`,
    '/api/v1/chains',
    '/api/v1/alerts',
    '/api/v1/proposals/not-an-id',
    '/api/health',
    '/api/trpc/proposals.list',
    '/api/trpc/nope',
  ];
  for (const path of data) {
    const headers = (await request.get(`${base}${path}`)).headers();
    expectCommonHeaders(headers, path);
    expect(headers['content-security-policy'], path).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  }
  const html = await (await request.get(`${base}/`)).text();
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk, 'a static chunk').toBeTruthy();
  expectCommonHeaders((await request.get(`${base}${chunk}`)).headers(), 'static chunk');
});

test('a page answered from the response cache still gets a nonce of its own', async () => {
  const id = await votingProposal();
  // Ten viewers at once share one render (or two, if a block lands between them).
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      fetch(`${base}/proposals/${id}`).then(async (r) => ({
        cache: r.headers.get('x-ratify-cache'),
        nonce: /'nonce-([A-Za-z0-9+/=]+)'/.exec(
          r.headers.get('content-security-policy') ?? '',
        )?.[1],
        html: await r.text(),
      })),
    ),
  );
  expect(answers.filter((a) => a.cache !== 'miss').length).toBeGreaterThan(0);
  const nonces = new Set(answers.map((a) => a.nonce));
  expect(nonces.size, 'a nonce per answer').toBe(answers.length);
  for (const a of answers) {
    const inBody = new Set([...a.html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
    expect([...inBody]).toEqual([a.nonce]);
    for (const other of nonces) if (other !== a.nonce) expect(a.html).not.toContain(other);
  }
});

/** Records CSP violations (the DOM event and the console line) from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    )),
  ];
}

test('the pages work under the policy: no CSP violation, hydrated, charts drawn', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const id = await votingProposal();
  const violations = await watchCsp(page);

  await page.goto(`${base}/`);
  await expect(page.getByTestId('proposal-row').first()).toBeVisible();
  // Hydrated: a client-side navigation works.
  await page.getByTestId('proposal-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/proposals\/\d+/);

  await page.goto(`${base}/proposals/${id}`);
  await expect(page.getByTestId('vote-panel')).toBeVisible();
  await expect(page.getByTestId('tally-chart')).toBeVisible();
  // uPlot draws into a canvas it creates from script: only a working page has one.
  await expect(page.getByTestId('tally-chart').locator('canvas')).toHaveCount(1);

  await page.goto(`${base}/chains`);
  await expect(page.getByTestId('chain-row').first()).toBeVisible();
  await page.goto(`${base}/split`);
  await expect(page.locator('main h1')).toBeVisible();
  await page.goto(`${base}/wallet`);
  await expect(page.locator('main h1')).toBeVisible();

  // The theme script (allowed by its hash) ran, and the toggle (hydrated) works.
  const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
  await page
    .getByRole('button', { name: /theme|dark|light/i })
    .first()
    .click();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.classList.contains('dark')))
    .toBe(!dark);

  expect(await violations()).toEqual([]);
});

test('a script the page did not send with its nonce is refused', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${base}/`);
  await page.waitForLoadState('networkidle');
  // Markup that reaches the page from data (as text someone managed to inject as HTML).
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const div = document.createElement('div');
    div.innerHTML = '<img src="x" onerror="window.injected = true">';
    document.body.append(div);
    await new Promise((r) => setTimeout(r, 300));
    return w.injected === true;
  });
  expect(ran).toBe(false);
  expect((await violations()).some((v) => v.includes('script-src'))).toBe(true);
});

// The chain formats carry no free text (terms are numbers, field ids and addresses; see the
// hostile-text devnet scenario). Text from outside the chain does reach the pages: a node's
// error and URL (/chains) and alert messages (banner, feed). Stored hostile, shown inert.
const HOSTILE =
  '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">\u202eevil\u0007 =HYPERLINK("http://x")';

test('hostile text in stored data is shown as text in the pages, the feed and the CSV', async ({
  page,
  request,
}) => {
  const sql = postgres(`postgres://ratify:ratify@127.0.0.1:${E2E.pg}/ratify`, { max: 1 });
  const key = `test:hostile:${Date.now()}`;
  const nodeUrl = `http://hostile.invalid/<img src=x onerror=window.pwned=1>/canary`;
  try {
    await sql`insert into alert_events (key, kind, severity, subject, message, href)
      values (${key}, 'test', 'warning', ${HOSTILE}, ${HOSTILE}, '/chains')`;
    await sql`insert into nodes (url, chain, last_ok_at, last_error)
      values (${nodeUrl}, 'alpha', now(), ${HOSTILE})`;
    const violations = await watchCsp(page);

    for (const path of ['/', '/chains']) {
      await page.goto(`${base}${path}`);
      await expect(page.getByText('window.pwned=1</script>').first()).toBeVisible();
      // Nothing was parsed as markup: no element with the handler, and nothing ran.
      expect(await page.locator('img[onerror]').count(), path).toBe(0);
      expect(await page.evaluate(() => 'pwned' in window), path).toBe(false);
    }
    expect(await violations()).toEqual([]);

    const feed = await request.get(`${base}/feed.xml`);
    const xml = await feed.text();
    expect(xml).toContain('&lt;script&gt;window.pwned=1');
    expect(xml).not.toMatch(/<script|<img/);
    // Well-formed XML: a control character would make every feed reader drop the feed.
    const errors = await page.evaluate(
      (text) =>
        new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror')
          .length,
      xml,
    );
    expect(errors, 'the feed parses as XML').toBe(0);

    const id = await votingProposal();
    const csv = await (await request.get(`${base}/api/v1/proposals/${id}/votes.csv`)).text();
    const cells = csv
      .trim()
      .split('\n')
      .slice(1)
      .flatMap((row) => row.split(','));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => /^"?[=+\-@]/.test(c))).toEqual([]);
  } finally {
    await sql`delete from alert_events where key = ${key}`;
    await sql`delete from nodes where url = ${nodeUrl}`;
    await sql.end();
  }
});
