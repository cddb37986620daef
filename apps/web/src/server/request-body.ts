/** The largest tRPC request body read: a vote (at most 128 kB, the node's limit) plus framing. */
export const MAX_BODY_BYTES = 256 * 1024;

export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
  constructor() {
    super(`request body is over ${MAX_BODY_BYTES} bytes`);
  }
}

/**
 * Reads a request body up to `MAX_BODY_BYTES`, refusing early by Content-Length and, for a
 * chunked body, as soon as the bytes read pass the limit: nothing larger is ever buffered.
 */
export async function readCappedBody(req: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}
