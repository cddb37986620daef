const NETWORK_NAMES: Record<number, string> = { 0: 'mainnet', 1: 'testnet', 2: 'canary' };

export function networkName(id: number): string {
  return NETWORK_NAMES[id] ?? `network ${id}`;
}

/** Long decimal ids and bech32 strings, shortened for tables; the full value is in the title. */
export function shorten(value: string, head = 10, tail = 6): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}

export function chainLabel(chain: string): string {
  return chain.charAt(0).toUpperCase() + chain.slice(1);
}

/** Percent with one decimal from integers, without floating-point surprises at the boundary. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '–';
  const tenths = Math.floor((part * 1000) / whole);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
