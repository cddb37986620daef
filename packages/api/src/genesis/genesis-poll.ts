import { createNodeClient } from '@ratify/aleo';
import { type GenesisAgreement, genesisAgreement, supermajorityRequired } from '@ratify/governance';

export interface GenesisNodeAnswer {
  url: string;
  hash: string | null;
  /** Why no hash came back: a timeout, an HTTP error, a malformed answer. */
  error: string | null;
}

export interface GenesisHashShare {
  hash: string;
  count: number;
  /** Of all listed nodes, in basis points rounded down; display only. */
  shareBps: number;
  /** Reported by at least 67% of the listed nodes: a joining node would trust it. */
  trusted: boolean;
}

export interface GenesisPollResult {
  nodes: GenesisNodeAnswer[];
  hashes: GenesisHashShare[];
  /** Nodes that must agree on a hash: 67% of those listed, rounded up. */
  required: number;
  agreement: GenesisAgreement;
  /** Unix milliseconds of the answers. */
  checkedAt: number;
}

export interface GenesisPollOptions {
  /** Governors' node base URLs including the network segment. */
  nodes: readonly string[];
  /** Per node request. Default 2 s. */
  timeoutMs?: number;
  /** How long answers are reused, so many viewers do not fan out to the nodes. Default 10 s. */
  ttlMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Asks each node once for its genesis hash; a node that fails is silent, not an error. */
async function askAll(options: GenesisPollOptions): Promise<GenesisNodeAnswer[]> {
  return Promise.all(
    options.nodes.map(async (url): Promise<GenesisNodeAnswer> => {
      const client = createNodeClient({
        baseUrl: url,
        timeoutMs: options.timeoutMs ?? 2_000,
        retries: 0,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      try {
        return { url, hash: await client.genesisHash(), error: null };
      } catch (error) {
        return { url, hash: null, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

/** The 67% rule of chain.md section 7 over the listed nodes, each node counting once. */
export function summarise(answers: GenesisNodeAnswer[], checkedAt: number): GenesisPollResult {
  const urls = [...new Set(answers.map((a) => a.url))];
  const agreement = genesisAgreement(
    urls,
    answers.map((a) => ({ governor: a.url, hash: a.hash })),
  );
  const counts = new Map<string, number>();
  for (const a of answers) if (a.hash !== null) counts.set(a.hash, (counts.get(a.hash) ?? 0) + 1);
  const required = supermajorityRequired(urls.length);
  const hashes = [...counts]
    .map(([hash, count]) => ({
      hash,
      count,
      shareBps: urls.length === 0 ? 0 : Math.floor((count * 10_000) / urls.length),
      trusted: agreement.agreed && agreement.hash === hash,
    }))
    .sort((a, b) => b.count - a.count || a.hash.localeCompare(b.hash));
  return { nodes: answers, hashes, required, agreement, checkedAt };
}

/**
 * A cached poll of the governors' nodes: answers are reused for `ttlMs`, and callers that
 * arrive while a poll is under way share it.
 */
export function createGenesisPoll(options: GenesisPollOptions) {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? 10_000;
  let cached: GenesisPollResult | null = null;
  let inFlight: Promise<GenesisPollResult> | null = null;
  return {
    read(): Promise<GenesisPollResult> {
      if (cached && now() - cached.checkedAt < ttl) return Promise.resolve(cached);
      inFlight ??= askAll(options)
        .then((answers) => {
          cached = summarise(answers, now());
          return cached;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
  };
}

const polls = new Map<string, ReturnType<typeof createGenesisPoll>>();

/** One poll per list of nodes in this process, so the cache is shared by every request. */
export function genesisPollFor(nodes: readonly string[]) {
  const key = nodes.join(',');
  let poll = polls.get(key);
  if (!poll) {
    poll = createGenesisPoll({ nodes });
    polls.set(key, poll);
  }
  return poll;
}
