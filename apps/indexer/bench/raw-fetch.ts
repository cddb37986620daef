import { MAX_BLOCKS_PER_CALL } from '@ratify/aleo';

export type RawFetchResult = { blocks: number; bytes: number; seconds: number; refusals: number };

const LIMIT_TEXT = /Too Many Requests! Wait for (\d+)s/;

/**
 * The floor any indexer is measured against: ranges of 50 blocks over HTTP, `parallel` in
 * flight, each body only `JSON.parse`d. Against a rate-limited node it honours each refusal's
 * wait and asks again, with no pacing of its own.
 */
export async function rawFetch(
  url: string,
  from: number,
  to: number,
  parallel: number,
): Promise<RawFetchResult> {
  let next = from;
  let bytes = 0;
  let refusals = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < to) {
      const start = next;
      const end = Math.min(to, start + MAX_BLOCKS_PER_CALL);
      next = end;
      for (;;) {
        const res = await fetch(`${url}/blocks?start=${start}&end=${end}`);
        const text = await res.text();
        const limited = LIMIT_TEXT.exec(text);
        if (res.status === 429 || limited) {
          refusals++;
          await new Promise((r) => setTimeout(r, Number(limited?.[1] ?? 1) * 1000));
          continue;
        }
        if (!res.ok) throw new Error(`raw fetch ${start}..${end}: HTTP ${res.status}`);
        const blocks = JSON.parse(text) as unknown[];
        if (blocks.length !== end - start) throw new Error(`raw fetch ${start}..${end}: short`);
        bytes += text.length;
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { blocks: to - from, bytes, seconds: (performance.now() - started) / 1000, refusals };
}
