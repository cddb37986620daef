import type { Database } from '@ratify/db';
import type { VersionSource } from './version-source';
import type { Versions } from './versions';

/**
 * Read models computed once per change, shared by every request.
 *
 * A view names the indexed state it reads (`version`: tokens of chain-networks, proposals,
 * the clock); its answer is cached per key until that token changes. Concurrent requests for
 * the same key and token share one computation (single-flight), so a block costs one
 * computation per view, however many viewers. Tokens move when the indexer's NOTIFY arrives
 * (or, with LISTEN down, when the checkpoints move); nothing is written for it, so a new
 * read model needs no migration:
 *
 *   const chainsView = defineView({
 *     name: 'chains',
 *     version: (_input: undefined, v) => `${v.chains()}:${v.clock(1000)}`,
 *     compute: (ctx) => buildChains(ctx.db),
 *   });
 *   await chainsView.read(ctx, undefined);
 *
 * Without a store in the context (tests, scripts) every read computes afresh.
 */
export type ReadContext = { db: Database; views?: ViewStore };

/** Builders also take a bare database (no cache), as callers outside the web server pass. */
export function readContextOf(x: ReadContext | Database): ReadContext {
  return 'execute' in x ? { db: x } : x;
}

type Entry = { version: string; value: Promise<unknown> };

export type ViewStore = {
  versions: VersionSource;
  entries: Map<string, Map<string, Entry>>;
  /** Computations per view name (tests and benchmarks read it). */
  computations: Map<string, number>;
  maxEntriesPerView: number;
};

export function createViewStore(
  versions: VersionSource,
  options: { maxEntriesPerView?: number } = {},
): ViewStore {
  return {
    versions,
    entries: new Map(),
    computations: new Map(),
    maxEntriesPerView: options.maxEntriesPerView ?? 2_000,
  };
}

export type ViewSpec<In, Out> = {
  name: string;
  /** Which cached answer an input maps to; default: one answer for every input. */
  key?: (input: In) => string;
  version: (input: In, versions: Versions) => string;
  compute: (ctx: ReadContext, input: In) => Promise<Out>;
  /** Computes several missing answers in one go (one query instead of one per input). */
  computeMany?: (ctx: ReadContext, inputs: In[]) => Promise<Out[]>;
};

export type View<In, Out> = {
  name: string;
  read(ctx: ReadContext, input: In): Promise<Out>;
  readMany(ctx: ReadContext, inputs: In[]): Promise<Out[]>;
};

export function defineView<In, Out>(spec: ViewSpec<In, Out>): View<In, Out> {
  const keyOf = spec.key ?? (() => '');
  const computeMany =
    spec.computeMany ??
    ((ctx: ReadContext, inputs: In[]) => Promise.all(inputs.map((i) => spec.compute(ctx, i))));

  const count = (store: ViewStore, n: number) =>
    store.computations.set(spec.name, (store.computations.get(spec.name) ?? 0) + n);

  function table(store: ViewStore): Map<string, Entry> {
    let t = store.entries.get(spec.name);
    if (!t) {
      t = new Map();
      store.entries.set(spec.name, t);
    }
    return t;
  }

  function remember(store: ViewStore, key: string, entry: Entry) {
    const t = table(store);
    t.delete(key); // re-insert: the map's order is the order of last computation
    t.set(key, entry);
    if (t.size > store.maxEntriesPerView) {
      const oldest = t.keys().next().value;
      if (oldest !== undefined) t.delete(oldest);
    }
    // A failed computation is not kept: the next request tries again.
    entry.value.catch(() => {
      if (t.get(key) === entry) t.delete(key);
    });
  }

  async function readMany(ctx: ReadContext, inputs: In[]): Promise<Out[]> {
    const store = ctx.views;
    if (!store) return computeMany(ctx, inputs);
    const versions = await store.versions.current();
    // From here to the registration below nothing awaits: concurrent callers see the entries.
    const t = table(store);
    const results: Promise<unknown>[] = new Array(inputs.length);
    const missing = new Map<string, { input: In; version: string; indices: number[] }>();
    inputs.forEach((input, index) => {
      const key = keyOf(input);
      const version = spec.version(input, versions);
      const hit = t.get(key);
      if (hit && hit.version === version) results[index] = hit.value;
      else {
        const m = missing.get(key);
        if (m) m.indices.push(index);
        else missing.set(key, { input, version, indices: [index] });
      }
    });
    if (missing.size > 0) {
      count(store, missing.size);
      const wanted = [...missing];
      const batch = computeMany(
        ctx,
        wanted.map(([, m]) => m.input),
      );
      wanted.forEach(([key, m], i) => {
        const value = batch.then((all) => all[i]);
        for (const index of m.indices) results[index] = value;
        remember(store, key, { version: m.version, value });
      });
    }
    return (await Promise.all(results)) as Out[];
  }

  return {
    name: spec.name,
    readMany,
    read: async (ctx, input) => (await readMany(ctx, [input]))[0] as Out,
  };
}
