import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { connectionOptions, DEFAULT_SCHEMA } from './client';
import { migrateDatabase } from './migrate';
import * as tables from './schema';

/** Every table Ratify's migrations create, read from the schema so a new table is included. */
export const RATIFY_TABLES: readonly string[] = [
  ...(Object.values(tables) as unknown[]).flatMap((t) =>
    is(t, PgTable) ? [getTableName(t) as string] : [],
  ),
  '__drizzle_migrations',
].sort();

export type Origin = 'devnet' | 'nodes';

export type SchemaContents = {
  schema: string;
  exists: boolean;
  origin?: Origin;
  /** Relations (tables, views, sequences…) in the schema that Ratify did not create. */
  foreign: string[];
  rows: { chainNetworks: number; blocks: number };
};

/** What Ratify's schema holds, read without changing anything. */
export async function inspectSchema(
  url: string,
  schema: string = DEFAULT_SCHEMA,
): Promise<SchemaContents> {
  const sql = postgres(url, {
    max: 1,
    ...connectionOptions({ schema, applicationName: 'ratify-inspect' }),
  });
  try {
    const [found] = await sql`SELECT oid FROM pg_namespace WHERE nspname = ${schema}`;
    if (!found)
      return { schema, exists: false, foreign: [], rows: { chainNetworks: 0, blocks: 0 } };
    const relations = await sql<{ name: string; kind: string }[]>`
      SELECT c.relname AS name, c.relkind AS kind FROM pg_class c
      WHERE c.relnamespace = ${found.oid} AND c.relkind IN ('r', 'v', 'm', 'p', 'f')`;
    const ours = new Set(RATIFY_TABLES);
    const foreign = relations
      .filter((r) => !ours.has(r.name))
      .map((r) => r.name)
      .sort();
    const has = (name: string) => relations.some((r) => r.name === name);
    const [origin] = has('instance') ? await sql`SELECT origin FROM instance` : [];
    const count = async (table: string) =>
      has(table) ? Number((await sql.unsafe(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? 0) : 0;
    return {
      schema,
      exists: true,
      origin: origin?.origin as Origin | undefined,
      foreign,
      rows: { chainNetworks: await count('chain_networks'), blocks: await count('blocks') },
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Records what built this index; a real-node index is never marked back as a devnet one. */
export async function markOrigin(sql: postgres.Sql, origin: Origin): Promise<void> {
  await sql`
    INSERT INTO instance (id, origin) VALUES (true, ${origin})
    ON CONFLICT (id) DO UPDATE SET origin = 'nodes', updated_at = now()
    WHERE ${origin} = 'nodes' AND instance.origin <> 'nodes'`;
}

export class RefusedResetError extends Error {
  override name = 'RefusedResetError';
}

/**
 * Why `ratify up` may not start clean on this schema, or undefined when it may: the schema
 * is absent, empty of data, or holds nothing but an index an earlier `up` built from its
 * devnet. Anything else (a real-node index, tables of someone else's) is kept.
 */
export function whyNotReset(
  contents: SchemaContents,
  options: { ownServer?: boolean } = {},
): string | undefined {
  if (!contents.exists) return undefined;
  if (contents.foreign.length > 0) {
    return `schema "${contents.schema}" holds tables Ratify did not create (${contents.foreign.join(', ')})`;
  }
  // The embedded server's data directory is Ratify's own: whatever index it holds may go.
  if (options.ownServer) return undefined;
  if (contents.origin === 'nodes') {
    return `schema "${contents.schema}" holds an index of real nodes (${contents.rows.blocks} blocks), built by "ratify index"`;
  }
  if (contents.origin === undefined && contents.rows.chainNetworks > 0) {
    return `schema "${contents.schema}" holds an index (${contents.rows.blocks} blocks) that no devnet run recorded as its own`;
  }
  return undefined;
}

/**
 * Starts a devnet index clean: drops Ratify's own tables (by name, without CASCADE, so an
 * object of someone else's that depends on them makes this fail instead of vanishing), then
 * the schema if it is empty, then migrates and marks the schema as a devnet index.
 */
export async function resetDevnetIndex(
  url: string,
  schema: string = DEFAULT_SCHEMA,
  options: { ownServer?: boolean } = {},
): Promise<void> {
  const contents = await inspectSchema(url, schema);
  const why = whyNotReset(contents, options);
  if (why) throw new RefusedResetError(why);
  if (contents.exists) {
    const sql = postgres(url, {
      max: 1,
      ...connectionOptions({ schema, applicationName: 'ratify-reset' }),
    });
    try {
      await sql.begin(async (tx) => {
        const present = await tx<{ name: string }[]>`
          SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p')`;
        const names = present.map((p) => p.name).filter((n) => RATIFY_TABLES.includes(n));
        if (names.length > 0) {
          await tx.unsafe(`DROP TABLE ${names.map((n) => `"${schema}"."${n}"`).join(', ')}`);
        }
        // RESTRICT: refuses if anything is left in it.
        await tx.unsafe(`DROP SCHEMA "${schema}" RESTRICT`);
      });
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  await migrateDatabase(url, { schema });
  const sql = postgres(url, {
    max: 1,
    ...connectionOptions({ schema, applicationName: 'ratify-reset' }),
  });
  try {
    await markOrigin(sql, 'devnet');
  } finally {
    await sql.end({ timeout: 5 });
  }
}
