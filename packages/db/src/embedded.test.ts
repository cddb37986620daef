import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from './testing';

describe('test database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseUrl'));
  });
  afterAll(async () => {
    await database.drop();
  });

  it('is a real server with the migrations applied', async () => {
    const sql = postgres(database.url, { max: 1 });
    const [row] = await sql`SELECT current_setting('server_version_num')::int AS v`;
    const tables =
      await sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'ratify' ORDER BY 1`;
    const inPublic =
      await sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`;
    await sql.end();
    expect(row?.v).toBeGreaterThanOrEqual(150000);
    // Ratify's tables are in a schema of their own (with its migrations table); none in public.
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        '__drizzle_migrations',
        'blocks',
        'chain_networks',
        'checkpoints',
        'index_pauses',
        'instance',
        'nodes',
        'proposals',
        'validator_sets',
        'votes',
        'writer_leases',
      ]),
    );
    expect(inPublic[0]?.n).toBe(0);
  });
});

describe('loading the embedded server', () => {
  it("leaves the process's exit code alone (a failed run must not end with 0)", () => {
    const module = join(import.meta.dirname, 'embedded.ts');
    const script = `import { loadEmbeddedPostgres } from ${JSON.stringify(module)};
await loadEmbeddedPostgres();
process.exitCode = 3;`;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  });
});
