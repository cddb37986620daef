import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@ratify/db/testing';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createListenHub, type HubStatus, type ListenHub } from './listen-hub';

const CHANNEL = 'ratify_indexed';
const hubs: ListenHub[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const h of hubs) await h.close();
  for (const c of cleanups) await c();
});

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function watch(hub: ListenHub) {
  const payloads: string[] = [];
  const statuses: HubStatus[] = [];
  hub.subscribe({ onPayload: (p) => payloads.push(p), onStatus: (s) => statuses.push(s) });
  return { payloads, statuses };
}

describe('the LISTEN hub', () => {
  it('keeps trying when the first LISTEN fails, and is live once the database is there', async () => {
    const server = inject('databaseUrl');
    const name = `ratify_hub_${randomBytes(5).toString('hex')}`;
    const url = new URL(server);
    url.pathname = `/${name}`;
    const hub = createListenHub({
      url: url.toString(),
      channel: CHANNEL,
      pingMs: 200,
      backoffMs: { min: 50, max: 400 },
    });
    hubs.push(hub);
    const seen = watch(hub);
    await until('the first failure', () => hub.status() === 'down');

    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    cleanups.push(async () => {
      await hub.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    await until('live', () => hub.status() === 'live');
    const sender = postgres(url.toString(), { max: 1 });
    await sender`SELECT pg_notify(${CHANNEL}, 'after the outage')`;
    await until('the notification', () => seen.payloads.includes('after the outage'));
    await sender.end();
    expect(seen.statuses).toEqual(['down', 'live']);
  });

  it('hears notifications again after its backend is terminated', async () => {
    const db = await createTestDatabase();
    cleanups.push(db.drop);
    const hub = createListenHub({
      url: db.url,
      channel: CHANNEL,
      pingMs: 200,
      backoffMs: { min: 50, max: 400 },
    });
    hubs.push(hub);
    const seen = watch(hub);
    await until('live', () => hub.status() === 'live');
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    cleanups.unshift(() => sql.end());
    const [killed] = await sql<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
      WHERE application_name = 'ratify-web-listen' AND datname = current_database()`;
    expect(killed?.ok).toBe(true);
    // Commits keep coming; once the hub listens again it hears them.
    let n = 0;
    await until('a notification after the cut', async () => {
      await sql`SELECT pg_notify(${CHANNEL}, ${`after ${++n}`})`;
      await new Promise((r) => setTimeout(r, 100));
      return seen.payloads.some((p) => p.startsWith('after'));
    });
    expect(hub.status()).toBe('live');
  });
});
