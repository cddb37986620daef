import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { THEME_SCRIPT } from '../../components/site/theme-script';
import { isDataPath, newNonce, pagePolicy } from './headers';

describe('pagePolicy', () => {
  it('allows scripts by nonce and the theme script by hash, never eval in production', () => {
    const policy = pagePolicy('abc', false);
    const hash = createHash('sha256').update(THEME_SCRIPT).digest('base64');
    expect(policy).toContain(`script-src 'self' 'nonce-abc' 'sha256-${hash}' 'strict-dynamic';`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(pagePolicy('abc', true)).toContain("'strict-dynamic' 'unsafe-eval';");
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, new each time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe('isDataPath', () => {
  it.each([
    ['/api/v1/proposals', true],
    ['/api/trpc/proposals.list', true],
    ['/_next/static/chunks/a.js', true],
    ['/feed.xml', true],
    ['/proposals/1/calendar.ics', true],
    ['/', false],
    ['/proposals/1', false],
    ['/chains', false],
  ])('%s: %s', (path, data) => {
    expect(isDataPath(path)).toBe(data);
  });
});
