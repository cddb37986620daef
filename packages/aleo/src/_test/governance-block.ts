import { encodeAddress, encodeBech32Id } from '../bech32';
import { fixtureText } from './fixtures';

function id(prefix: 'at' | 'au', n: number): string {
  return encodeBech32Id(prefix, new Uint8Array(32).fill(n));
}

export const GOVERNOR = encodeAddress(new Uint8Array(32).fill(1), 'ax');
export const VALIDATOR = encodeAddress(new Uint8Array(32).fill(2), 'ax');

export const SUBMIT_INPUTS = [
  '42field',
  '2u16',
  '1u16',
  '5000u32',
  '111field',
  '222field',
  '333field',
  '444field',
  '10u32',
  '3u32',
  '1u32',
  '4000u32',
];

function transition(n: number, fn: string, inputs: string[], caller: string) {
  const args = [caller, ...inputs].map((a) => `    ${a}`).join(',\n');
  return {
    id: id('au', n),
    program: 'credits.alpha',
    function: fn,
    inputs: inputs.map((value, i) => ({ type: 'public', id: `${n * 100 + i}field`, value })),
    outputs: [
      {
        type: 'future',
        id: `${n * 100 + 99}field`,
        value: `{\n  program_id: credits.alpha,\n  function_name: ${fn},\n  arguments: [\n${args}\n  ]\n}`,
      },
    ],
    tpk: '1group',
    tcm: '2field',
    scm: '3field',
  };
}

const fee = (n: number) => ({
  transition: {
    ...transition(n, 'fee_public', ['1u64', '0u64', '1field'], GOVERNOR),
    program: 'credits.alpha',
  },
  global_state_root: 'sr13ar6yw9vsqde06rplk57a7payxtt5q5p8920gltj04e7287w2qqs263c3a',
});

const execution = (t: ReturnType<typeof transition>) => ({
  transitions: [t],
  global_state_root: 'sr13ar6yw9vsqde06rplk57a7payxtt5q5p8920gltj04e7287w2qqs263c3a',
  authorization: { signer: 'ab'.repeat(32), signature: 'cd'.repeat(64) },
});

/** The mainnet fixture block with a submit, an accepted vote and a rejected vote. */
export function governanceBlockText(): string {
  const block = JSON.parse(
    fixtureText('block-mainnet-1203288.json').replace(
      // Keep the u128 above 2^64 exact through JSON.parse by quoting it first.
      '"cumulative_weight":18741903340503531150',
      '"cumulative_weight":"18741903340503531150"',
    ),
  );
  block.transactions = [
    {
      status: 'accepted',
      type: 'execute',
      index: 0,
      transaction: {
        type: 'execute',
        id: id('at', 1),
        execution: execution(transition(1, 'submit_network_upgrade', SUBMIT_INPUTS, GOVERNOR)),
        fee: fee(11),
      },
      finalize: [],
    },
    {
      status: 'accepted',
      type: 'execute',
      index: 1,
      transaction: {
        type: 'execute',
        id: id('at', 2),
        execution: execution(transition(2, 'vote_network_upgrade', ['42field', '1u8'], VALIDATOR)),
      },
      finalize: [],
    },
    {
      status: 'rejected',
      type: 'execute',
      index: 2,
      transaction: { type: 'fee', id: id('at', 3), fee: fee(13) },
      rejected: {
        type: 'execution',
        execution: execution(transition(3, 'vote_network_upgrade', ['43field', '2u8'], GOVERNOR)),
      },
      finalize: [],
    },
  ];
  return JSON.stringify(block);
}
