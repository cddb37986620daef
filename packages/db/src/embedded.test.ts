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
      await sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`;
    await sql.end();
    expect(row?.v).toBeGreaterThanOrEqual(150000);
    expect(tables.map((t) => t.table_name)).toEqual([
      'blocks',
      'chain_networks',
      'checkpoints',
      'nodes',
      'proposals',
      'validator_sets',
      'votes',
    ]);
  });
});
