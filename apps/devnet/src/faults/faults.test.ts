import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, manualDevnet, postJson } from '../_test/devnet';
import type { Devnet } from '../start-devnet';

let devnet: Devnet;
const admin = 'http://127.0.0.1:4260/devnet';
let base: string;
const faults = (patch: unknown) => postJson(`${admin}/faults`, patch);

beforeAll(async () => {
  devnet = await manualDevnet(4260, { scenario: 'rehearsal' });
  base = devnet.nodes[0]?.url ?? '';
});
afterAll(() => devnet.stop());

describe('faults through the admin routes', () => {
  it('advances blocks on demand', async () => {
    const r = await postJson(`${admin}/advance`, { blocks: 3 });
    expect((r.body as { heights: number[] }).heights.slice(0, 2)).toEqual([3, 3]);
    expect((await postJson(`${admin}/advance`, { blocks: -1 })).status).toBe(400);
  });

  it('rate limits in the old form (200 + text) and the new (429)', async () => {
    await faults({ rateLimit: { mode: 'legacy', perSecond: 2 } });
    const texts = [];
    for (let i = 0; i < 4; i++) texts.push(await getJson(`${base}/block/height/latest`));
    expect(texts.at(-1)).toMatchObject({
      status: 200,
      text: expect.stringMatching(/^Too Many Requests! Wait for \d+s$/),
    });
    await faults({ rateLimit: { mode: 'modern', perSecond: 2 } });
    await new Promise((r) => setTimeout(r, 1000));
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await getJson(`${base}/block/height/latest`)).status);
    expect(codes).toContain(429);
    await faults({ rateLimit: null });
  });

  it('adds latency and 500 errors, and switches to legacy error bodies', async () => {
    await faults({ latencyMs: 150 });
    const t = performance.now();
    await getJson(`${base}/block/height/latest`);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    await faults({ latencyMs: 0, errorRate: 1 });
    const e = await getJson(`${base}/block/height/latest`);
    expect(e).toMatchObject({ status: 500, text: 'Something went wrong: injected fault' });
    await faults({ errorRate: 0, errorStyle: 'legacy' });
    const nf = await getJson(`${base}/block/99999`);
    expect(nf.status).toBe(500);
    expect(nf.text).toMatch(/^Something went wrong: /);
    await faults({ errorStyle: 'modern' });
  });

  it('serves malformed and truncated JSON', async () => {
    await faults({ malformedRate: 1 });
    const m = await getJson(`${base}/block/1`);
    expect(m.status).toBe(200);
    expect(() => JSON.parse(m.text)).toThrow();
    await faults({ malformedRate: 0, truncateRate: 1 });
    await expect(fetch(`${base}/block/1`).then((r) => r.text())).rejects.toThrow();
    await postJson(`${admin}/faults/clear`, {});
    expect((await getJson(`${base}/block/1`)).status).toBe(200);
  });

  it('lets the height go down (a reset) and refuses broadcasts when far behind', async () => {
    await postJson(`${admin}/advance`, { blocks: 12 });
    const before = (await getJson(`${base}/block/height/latest`)).body as number;
    await postJson(`${admin}/reset`, { blocks: 11 });
    expect((await getJson(`${base}/block/height/latest`)).body).toBe(before - 11);
    expect((await getJson(`${base}/block/${before}`)).status).toBe(404);
    const refused = await postJson(`${base}/transaction/broadcast`, { type: 'execute' });
    expect(refused.status).toBe(503);
    await postJson(`${admin}/reset`, { blocks: 0 });
    expect((await getJson(`${base}/block/height/latest`)).body).toBe(before);
  });

  it('disappears and comes back', async () => {
    await postJson(`${admin}/down`, { ms: 300 });
    await new Promise((r) => setTimeout(r, 80));
    await expect(fetch(`${base}/block/height/latest`)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 400));
    expect((await getJson(`${base}/block/height/latest`)).status).toBe(200);
  });

  it('serves another genesis, as a node of another chain would, until cleared', async () => {
    const real = (await getJson(`${base}/genesis/hash`)).body;
    await faults({ otherGenesis: true });
    const other = (await getJson(`${base}/genesis/hash`)).body;
    expect(other).not.toBe(real);
    expect(other).toMatch(/^ab1/);
    expect((await getJson(`${base}/genesis`)).body).toMatchObject({ block_hash: other });
    await postJson(`${admin}/faults/clear`, {});
    expect((await getJson(`${base}/genesis/hash`)).body).toBe(real);
  });

  it('rejects unknown fault names', async () => {
    expect((await faults({ explode: true })).status).toBe(400);
  });
});
