import { readFileSync } from 'node:fs';

// Real upstream samples, copied byte-for-byte into the package so tests run from a clone.
const dir = new URL('../../test-fixtures/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

export const FIXTURE_FILES = {
  block: 'block-mainnet-1203288.json',
  transferPublic: 'transaction-execute-credits-transfer_public.json',
  multiTransition: 'transaction-execute-multi-transition-private.json',
  deploy: 'transaction-deploy-paleo_token.json',
  mappingAccount: 'mapping-value-credits-account.json',
  mappingCommittee: 'mapping-value-credits-committee.json',
  mappingToken: 'mapping-value-token_registry-registered_tokens.json',
} as const;

/** Every plaintext string (public/constant inputs and outputs, futures) found in a JSON value. */
export function plaintextStrings(value: unknown): string[] {
  const out: string[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) {
      o.forEach(walk);
      return;
    }
    if (o && typeof o === 'object') {
      const r = o as Record<string, unknown>;
      const isPlain = r.type === 'public' || r.type === 'constant' || r.type === 'future';
      if (isPlain && typeof r.value === 'string') out.push(r.value);
      Object.values(r).forEach(walk);
    }
  };
  walk(value);
  return out;
}
