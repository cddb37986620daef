import { parseChainJson } from '@ratify/aleo';
import { type Devnet, type DevnetOptions, startDevnet } from '../start-devnet';

/** A manual-mode devnet with admin routes, on ports of its own per test file. */
export async function manualDevnet(portBase: number, options: DevnetOptions = {}): Promise<Devnet> {
  return startDevnet({
    blockTimeMs: 0,
    admin: true,
    portBase,
    genesisTimestamp: 1_767_225_600,
    ...options,
  });
}

export async function getJson(
  url: string,
): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(url);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = parseChainJson(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
}

export async function postJson(
  url: string,
  value: unknown,
): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    body: typeof value === 'string' ? value : JSON.stringify(value),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
}
