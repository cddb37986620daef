import { subscribe } from '@/server/notifications';

export const dynamic = 'force-dynamic';

/**
 * Server-sent events: one `indexed` event each time the indexer commits a batch (Postgres
 * NOTIFY), so browsers refresh within moments instead of polling blindly.
 */
export function GET(req: Request) {
  const encoder = new TextEncoder();
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
      send('retry: 2000\n\n');
      const unsubscribe = subscribe((payload) =>
        send(`event: indexed\ndata: ${JSON.stringify(payload)}\n\n`),
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
