// Throughput of the codec next to JSON.parse on the same data, in the same run.
import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bigIntToBytesLE, bytesToBigIntLE, encodeAddress, encodeBech32m } from '../src/bech32';
import { parseChainJson } from '../src/json';
import { isGroupX } from '../src/plaintext/curve';
import { parsePlaintext } from '../src/plaintext/parse';
import { plaintextToJson } from '../src/plaintext/to-json';
import { FIELD_MODULUS } from '../src/plaintext/types';
import { decodeBlock } from '../src/schemas/decode';

const fixtures = new URL('../test-fixtures/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function collectPlaintexts(value: unknown, out: string[]): void {
  if (Array.isArray(value)) for (const v of value) collectPlaintexts(v, out);
  else if (value && typeof value === 'object') {
    const r = value as Record<string, unknown>;
    const plain = r.type === 'public' || r.type === 'constant' || r.type === 'future';
    if (plain && typeof r.value === 'string') out.push(r.value);
    for (const v of Object.values(r)) collectPlaintexts(v, out);
  }
}

/** Runs fn over and over for about `ms` and returns MB/s for `size` bytes per call. */
function measure(size: number, fn: () => void, ms = 1500): number {
  for (let i = 0; i < 20; i++) fn();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 10; i++) fn();
    runs += 10;
    elapsed = performance.now() - start;
  }
  return (size * runs) / (elapsed / 1000) / 1e6;
}

const row = (name: string, ours: number, json: number) =>
  console.log(
    `${name.padEnd(34)} ${ours.toFixed(1).padStart(8)} MB/s   JSON.parse ${json.toFixed(1).padStart(8)} MB/s   ratio ${(ours / json).toFixed(2)}x`,
  );

// Plaintext: every value in the fixtures (inputs, outputs, futures, mapping values).
const texts: string[] = [];
for (const f of [
  'block-mainnet-1203288.json',
  'transaction-execute-credits-transfer_public.json',
  'transaction-execute-multi-transition-private.json',
  'transaction-deploy-paleo_token.json',
]) {
  collectPlaintexts(JSON.parse(read(f)), texts);
}
for (const f of [
  'mapping-value-credits-account.json',
  'mapping-value-credits-committee.json',
  'mapping-value-token_registry-registered_tokens.json',
]) {
  texts.push(JSON.parse(read(f)) as string);
}
const plainSize = texts.reduce((n, t) => n + bytes(t), 0);
// The same values as JSON documents, for JSON.parse to read.
const jsonTexts = texts.map((t) => JSON.stringify(plaintextToJson(parsePlaintext(t))));
const jsonSize = jsonTexts.reduce((n, t) => n + bytes(t), 0);

const blockCompact = read('block-mainnet-1203288.json');
const blockPretty = JSON.stringify(JSON.parse(blockCompact), null, 2);

console.log(
  `node ${process.version}; ${texts.length} plaintext values (${plainSize} bytes), block ${bytes(blockCompact)} bytes compact / ${bytes(blockPretty)} pretty`,
);

row(
  'parsePlaintext (fixture values)',
  measure(plainSize, () => {
    for (const t of texts) parsePlaintext(t);
  }),
  measure(jsonSize, () => {
    for (const t of jsonTexts) JSON.parse(t);
  }),
);
for (const [name, text] of [
  ['compact', blockCompact],
  ['pretty', blockPretty],
] as const) {
  const size = bytes(text);
  const json = measure(size, () => JSON.parse(text));
  row(
    `decodeBlock (${name})`,
    measure(size, () => decodeBlock(text)),
    json,
  );
  row(
    `parseChainJson only (${name})`,
    measure(size, () => parseChainJson(text)),
    json,
  );
}

// The curve checks. An upstream address, a group and a signature's keys are checked to be
// points; a fork address with the same bytes and a field with the same digits are not, so
// the difference between the rows is what the checks cost. isGroupX is the check itself
// (a point seen for the first time); the parse rows read points the codec remembers.
const pseudoRandomX = (i: number) =>
  bytesToBigIntLE(sha256(new TextEncoder().encode(`bench ${i}`))) % FIELD_MODULUS;
const points: bigint[] = [];
for (let i = 0; points.length < 500; i++) {
  const x = pseudoRandomX(i);
  if (isGroupX(x)) points.push(x);
}
const le32 = (x: bigint) => bigIntToBytesLE(x, 32);
const perValue = (name: string, values: string[], fn: (v: string) => unknown) => {
  const size = values.length;
  const callsPerSecond =
    measure(size, () => {
      for (const v of values) fn(v);
    }) * 1e6;
  console.log(`${name.padEnd(34)} ${(1e6 / callsPerSecond).toFixed(1).padStart(8)} µs each`);
};
const sig = (i: number) => {
  const bytes = new Uint8Array(128);
  bytes.set(le32(BigInt(i + 1)), 0);
  bytes.set(le32(BigInt(i + 2)), 32);
  bytes.set(le32(points[i % points.length] as bigint), 64);
  bytes.set(le32(points[(i + 1) % points.length] as bigint), 96);
  return encodeBech32m('sign', bytes);
};
perValue('isGroupX (one x-coordinate)', points.map(String), (v) => isGroupX(BigInt(v)));
perValue(
  'parse group (checked)',
  points.map((x) => `${x}group`),
  parsePlaintext,
);
perValue(
  'parse field (same digits)',
  points.map((x) => `${x}field`),
  parsePlaintext,
);
perValue(
  'parse aleo address (checked)',
  points.map((x) => encodeAddress(le32(x), 'aleo')),
  parsePlaintext,
);
perValue(
  'parse ax address (not checked)',
  points.map((x) => encodeAddress(le32(x), 'ax')),
  parsePlaintext,
);
perValue(
  'parse signature (checked)',
  points.map((_, i) => sig(i)),
  parsePlaintext,
);
