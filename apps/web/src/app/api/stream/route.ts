import { liveIndex } from '@/server/notifications';

export const dynamic = 'force-dynamic';

/**
 * Server-sent events from the process's one LISTEN connection:
 * - `indexed` `{c, h, p}` each time the indexer commits: the chain-network, its height and
 *   the proposals it touched (`p: "many"` when it may have touched all of them), so a page
 *   refetches only what changed;
 * - `status` `{live}` when the LISTEN connection is lost (pages say "live updates paused,
 *   reconnecting") and when it is back.
 */
export function GET(req: Request) {
  const encoder = new TextEncoder();
  const live = liveIndex();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`retry: 2000\n\nevent: status\ndata: ${JSON.stringify({ live: live.live() })}\n\n`);
      const unsubscribe = live.subscribe((e) =>
        send(
          e.type === 'indexed'
            ? `event: indexed\ndata: ${JSON.stringify(e.change)}\n\n`
            : `event: status\ndata: ${JSON.stringify({ live: e.live })}\n\n`,
        ),
      );
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), 15_000);
      cleanup = () => {
        clearInterval(keepAlive);
        unsubscribe();
      };
      req.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    },
  });
}
