import { describe, expect, it } from 'vitest';
import { gov, val } from './_test/fixtures';
import { rejectionReason } from './vote-rejection';

const ctx = { votingEndsHeight: 12, governors: [gov(0)], committee: [gov(0), val(0)] };

describe('rejectionReason', () => {
  it.each([
    [{ voter: val(0), choice: 1, height: 14 }, 'cast at height 14, after voting ended at 12'],
    [{ voter: gov(0), choice: 9, height: 5 }, 'choice 9 is not 1, 2 or 3'],
    [
      { voter: 'stranger', choice: 1, height: 5 },
      'the voter is neither a governor nor a validator',
    ],
    [
      { voter: val(0), choice: 2, height: 12 },
      'rejected by finalize for a reason the block does not show',
    ],
  ])('explains %o', (vote, message) => {
    expect(rejectionReason(vote, ctx).message).toBe(message);
  });
});
