import { describe, expect, it } from 'vitest';
import { clientAddress, trustProxyHopsSchema } from './client-address';

describe('the client address behind reverse proxies', () => {
  it('is the socket address when no proxy is trusted, whatever the request claims', () => {
    expect(clientAddress('6.6.6.6', '10.0.0.9', 0)).toBe('10.0.0.9');
    expect(clientAddress(undefined, '10.0.0.9', 0)).toBe('10.0.0.9');
  });

  it('is the entry the trusted proxies appended, not one the client wrote', () => {
    // The client sent "6.6.6.6"; the proxy (10.0.0.2) appended the address it saw, 203.0.113.7.
    expect(clientAddress('6.6.6.6, 203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
    // Two proxies: CDN then load balancer.
    expect(clientAddress('6.6.6.6, 203.0.113.7, 10.1.0.1', '10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress(['6.6.6.6', '203.0.113.7'], '10.0.0.2', 1)).toBe('203.0.113.7');
  });

  it('stops at the leftmost address when fewer proxies were passed than configured', () => {
    expect(clientAddress(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress('203.0.113.7', '10.0.0.2', 3)).toBe('203.0.113.7');
  });

  it('parses TRUST_PROXY_HOPS into a small whole number', () => {
    expect(trustProxyHopsSchema.parse(undefined)).toBe(0);
    expect(trustProxyHopsSchema.parse('2')).toBe(2);
    for (const bad of ['-1', '1.5', 'yes', '11'])
      expect(trustProxyHopsSchema.safeParse(bad).success, bad).toBe(false);
  });
});
