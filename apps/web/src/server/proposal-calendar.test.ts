import { describe, expect, it } from 'vitest';
import { type CalendarInput, proposalCalendar } from './proposal-calendar';

const T = Date.UTC(2026, 11, 1, 20, 0, 0) / 1000;
const lastBlock = { height: 200, timestamp: T };

const input: CalendarInput = {
  proposalId: '123456789',
  chain: 'alpha',
  terms: { votingEndsHeight: 150, activationHeight: 260 },
  countdown: {
    votingEnds: { kind: 'reached', targetHeight: 150, lastBlock, reachedAt: T - 500 },
    activation: {
      kind: 'estimate',
      targetHeight: 260,
      blocksLeft: 60,
      at: T + 600,
      earliest: T + 540,
      latest: T + 720,
      medianMs: 10_000,
      p10Ms: 9_000,
      p90Ms: 12_000,
      sampleSize: 99,
      lastBlock,
      stall: null,
    },
  },
};

/** Unfolds continuation lines and reads each VEVENT's properties. */
function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0] ?? ''] = line.slice(colon + 1);
    }
  }
  return out;
}

describe('proposalCalendar', () => {
  it('has voting end at its block time and activation at the estimate with the band', () => {
    const [votingEnds, activation] = events(proposalCalendar(input, 'http://x/proposals/1'));
    expect(votingEnds?.SUMMARY).toBe('Voting ends: alpha height 150');
    expect(votingEnds?.DTSTART).toBe('20261201T195140Z');
    expect(votingEnds?.STATUS).toBe('CONFIRMED');
    expect(activation?.SUMMARY).toBe('Activation: alpha height 260');
    expect(activation?.DTSTART).toBe('20261201T201000Z');
    expect(activation?.STATUS).toBe('TENTATIVE');
    expect(activation?.DESCRIPTION).toContain(
      'between 2026-12-01 20:09:00 UTC and 2026-12-01 20:12:00 UTC (p10-p90 of the intervals)',
    );
  });

  it('leaves out an event whose time is not known yet', () => {
    const ics = proposalCalendar(
      {
        ...input,
        countdown: { ...input.countdown, activation: { kind: 'no_data', targetHeight: 260 } },
      },
      'http://x/proposals/1',
    );
    expect(events(ics).map((e) => e.SUMMARY)).toEqual(['Voting ends: alpha height 150']);
  });
});
