/** Sets the devnet node's per-client rate limit (`null`: none) through its admin route. */
export async function setRateLimit(nodeUrl: string, perSecond: number | null): Promise<void> {
  const res = await fetch(`${new URL(nodeUrl).origin}/devnet/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rateLimit: perSecond === null ? null : { mode: 'modern', perSecond } }),
  });
  if (!res.ok) throw new Error(`devnet faults: HTTP ${res.status} ${await res.text()}`);
}

/** The node counts requests per clock second: start a measurement on a fresh one. */
export async function nextSecond(): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
}
