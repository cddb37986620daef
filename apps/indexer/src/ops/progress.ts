import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { ChainNetworkHealth } from './health';
import type { Logger } from './log';

export type ProgressMode = 'bar' | 'log' | 'off';

/** Lag above which a chain-network counts as backfilling and gets a bar or progress lines. */
const BACKFILL_LAG = 50;
const LOG_EVERY_MS = 5_000;

/**
 * Backfill progress: on a terminal a bar per chain-network with rate and ETA; elsewhere a
 * log line every few seconds, so a log shipper still sees how far along it is.
 */
export function createProgressReporter(mode: ProgressMode, logger: Logger) {
  const bars = new Map<string, SingleBar>();
  let multi: MultiBar | undefined;
  let lastLogAt = 0;

  function update(health: ChainNetworkHealth[]) {
    if (mode === 'off') return;
    const backfilling = health.filter(
      (h) => h.headHeight !== undefined && (h.lag ?? 0) > BACKFILL_LAG,
    );
    if (mode === 'log') {
      if (backfilling.length === 0 || Date.now() - lastLogAt < LOG_EVERY_MS) return;
      lastLogAt = Date.now();
      for (const h of backfilling) {
        logger.info(
          {
            chainNetwork: h.id,
            height: h.indexedHeight,
            head: h.headHeight,
            blocksPerSecond: Math.round(h.blocksPerSecond),
            etaSeconds: h.etaSeconds,
          },
          'backfilling',
        );
      }
      return;
    }
    for (const h of health) {
      const total = (h.headHeight ?? 0) + 1;
      const value = (h.indexedHeight ?? -1) + 1;
      let bar = bars.get(h.id);
      if (!bar) {
        if ((h.lag ?? 0) <= BACKFILL_LAG) continue;
        multi ??= new MultiBar(
          {
            format:
              ' {name} [{bar}] {value}/{total} blocks | {rate} blocks/s | ETA {eta_formatted}',
            hideCursor: true,
            clearOnComplete: false,
            etaBuffer: 50,
          },
          Presets.shades_classic,
        );
        bar = multi.create(total, value, { name: h.id.slice(0, 24), rate: 0 });
        bars.set(h.id, bar);
      }
      bar.setTotal(total);
      bar.update(value, { rate: Math.round(h.blocksPerSecond) });
    }
  }

  return {
    update,
    stop: () => {
      multi?.stop();
      multi = undefined;
      bars.clear();
    },
  };
}
