import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const fixture = join(root, 'packages', 'aleo', 'test-fixtures', 'block-mainnet-1203288.json');

/** Runs the real `ratify` command as an operator would; `input` is its standard input. */
function ratifyWith(input: string | undefined, ...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [join(root, 'apps', 'cli', 'bin', 'ratify.mjs'), ...args],
    {
      encoding: 'utf8',
      timeout: 30_000,
      input,
    },
  );
  return { code: run.status, out: run.stdout, err: run.stderr };
}
const ratify = (...args: string[]) => ratifyWith(undefined, ...args);

describe('ratify command line', () => {
  it('prints the canonical form of a plaintext value', () => {
    const r = ratify('plaintext', 'format', '{ b: 1_500u64, a: { c: true } }');
    expect(r.code).toBe(0);
    expect(r.out).toBe('{\n  b: 1500u64,\n  a: {\n    c: true\n  }\n}\n');
  });

  it('prints a value as JSON with integers as decimal strings', () => {
    const r = ratify('plaintext', 'json', '{ big: 340282366920938463463374607431768211455u128 }');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ big: '340282366920938463463374607431768211455' });
  });

  it('takes a value that starts with "-" as the value, not as an option', () => {
    const r = ratify('plaintext', 'format', '-5i8');
    expect(r).toEqual({ code: 0, out: '-5i8\n', err: '' });
    const j = ratify('plaintext', 'json', '-1_000i16');
    expect(j).toEqual({ code: 0, out: '"-1000"\n', err: '' });
    expect(ratify('plaintext', 'format', '--', '-0field').out).toBe('0field\n');
  }, 60_000);

  it('reads the value from standard input when it is "-"', () => {
    const r = ratifyWith('{ b: -3i8,\n  a: 00u8 }\n', 'plaintext', 'format', '-');
    expect(r).toEqual({ code: 0, out: '{\n  b: -3i8,\n  a: 0u8\n}\n', err: '' });
    const j = ratifyWith('[ 1field ]', 'plaintext', 'json', '-');
    expect(JSON.parse(j.out)).toEqual(['1']);
    const empty = ratifyWith('', 'plaintext', 'json', '-');
    expect(empty.code).toBe(1);
    expect(empty.err).toBe('ratify: expected a value, found end of input at position 0\n');
  }, 60_000);

  it('refuses what a node refuses, with one line and exit 1', () => {
    const r = ratify('plaintext', 'format', '01field');
    expect(r.code).toBe(1);
    expect(r.err).toBe('ratify: field literal "01field" has a leading zero at position 0\n');
    const option = ratify('plaintext', 'json', '--frobnicate');
    expect(option.code).toBe(1);
    expect(option.err).toBe('ratify: invalid number literal "--frobnicate" at position 0\n');
  }, 60_000);

  it('rejects a bad value with one line and exit 1', () => {
    const r = ratify('plaintext', 'format', '256u8');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^ratify: .*u8/);
  });

  it('checks a block a node served and summarises it', () => {
    const r = ratify('block', 'check', fixture);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1203288');
    expect(r.out).toMatch(/leader/i);
  });

  it('rejects a truncated block file with one line and exit 1', () => {
    const path = join(tmpdir(), `ratify-truncated-${process.pid}.json`);
    writeFileSync(path, '{"block_hash": "ab1');
    const r = ratify('block', 'check', path);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a bad flag before starting anything, with exit 2', () => {
    const r = ratify('up', '--port', 'seventy');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--port: a port is a number');
  });
});
