import type { Database } from '@ratify/db';
import { describe, expect, it } from 'vitest';
import { createViewStore, defineView, type ReadContext } from './define-view';
import { createVersionTracker } from './versions';

const C = 'alpha:0:genesis';

function setup() {
  const tracker = createVersionTracker();
  const store = createViewStore({ current: async () => tracker.versions });
  // These views never touch the database.
  const ctx: ReadContext = { db: {} as Database, views: store };
  return { tracker, store, ctx };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('defineView', () => {
  it('computes once per change however many requests arrive at once', async () => {
    const { tracker, store, ctx } = setup();
    let runs = 0;
    const view = defineView({
      name: 'heights',
      version: (_: undefined, v) => v.chain(C),
      compute: async () => {
        runs += 1;
        await tick();
        return { run: runs };
      },
    });
    const first = await Promise.all(Array.from({ length: 200 }, () => view.read(ctx, undefined)));
    expect(runs).toBe(1);
    expect(new Set(first).size).toBe(1);
    await Promise.all(Array.from({ length: 50 }, () => view.read(ctx, undefined)));
    expect(runs).toBe(1);

    tracker.apply({ c: C, h: 10, p: [] });
    const second = await Promise.all(Array.from({ length: 200 }, () => view.read(ctx, undefined)));
    expect(runs).toBe(2);
    expect(second[0]).toEqual({ run: 2 });
    expect(store.computations.get('heights')).toBe(2);
  });

  it('recomputes only the proposals a commit touched', async () => {
    const { tracker, ctx } = setup();
    const computed: string[] = [];
    const tally = defineView({
      name: 'tally',
      key: (id: string) => id,
      version: (id, v) => v.proposal(C, id),
      compute: async () => 0,
      computeMany: async (_ctx, ids) => {
        computed.push(ids.join(','));
        return ids.map((id) => id.length);
      },
    });
    expect(await tally.readMany(ctx, ['1', '22', '333', '22'])).toEqual([1, 2, 3, 2]);
    expect(computed).toEqual(['1,22,333']);

    tracker.apply({ c: C, h: 11, p: ['22'] });
    await tally.readMany(ctx, ['1', '22', '333']);
    expect(computed).toEqual(['1,22,333', '22']);

    // A new validator set (or a payload too long to list) touches every proposal.
    tracker.apply({ c: C, h: 12, p: 'many' });
    await tally.readMany(ctx, ['1', '22']);
    expect(computed).toEqual(['1,22,333', '22', '1,22']);
    // Another chain-network's commit touches none of them.
    tracker.apply({ c: 'delta:0:other', h: 5, p: 'many' });
    await tally.readMany(ctx, ['1', '22']);
    expect(computed).toHaveLength(3);
  });

  it('does not keep a failed computation', async () => {
    const { ctx } = setup();
    let runs = 0;
    const view = defineView({
      name: 'flaky',
      version: (_: undefined) => 'same',
      compute: async () => {
        runs += 1;
        if (runs === 1) throw new Error('database unavailable');
        return 'ok';
      },
    });
    await expect(view.read(ctx, undefined)).rejects.toThrow('database unavailable');
    expect(await view.read(ctx, undefined)).toBe('ok');
    expect(await view.read(ctx, undefined)).toBe('ok');
    expect(runs).toBe(2);
  });

  it('gives a fresh token after a rewind to an earlier height or a move seen only in the checkpoints', () => {
    const { tracker } = setup();
    tracker.apply({ c: C, h: 20, p: [] });
    const at20 = tracker.versions.proposal(C, '1');
    tracker.apply({ c: C, h: 15, p: [] });
    expect(tracker.versions.proposal(C, '1')).not.toBe(at20);
    const before = tracker.versions.chains();
    // The checkpoint already known from the notification: nothing moves.
    expect(tracker.resync([{ chainNetworkId: C, height: 15, updatedAt: new Date(1) }])).toEqual([]);
    expect(tracker.versions.chains()).toBe(before);
    expect(tracker.resync([{ chainNetworkId: C, height: 16, updatedAt: new Date(2) }])).toEqual([
      C,
    ]);
    expect(tracker.versions.chains()).not.toBe(before);
  });

  it('computes every time without a store', async () => {
    let runs = 0;
    const view = defineView({
      name: 'plain',
      version: (_: undefined) => 'same',
      compute: async () => ++runs,
    });
    const ctx: ReadContext = { db: {} as Database };
    await view.read(ctx, undefined);
    await view.read(ctx, undefined);
    expect(runs).toBe(2);
  });
});
