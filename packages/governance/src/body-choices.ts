import type { BodyTally } from './tally';

/** The members of each body, in the order `computeTally` lists them. */
export function bodyMembers(
  governors: readonly string[],
  committee: readonly { address: string }[],
): { governors: string[]; public: string[] } {
  const g = [...new Set(governors)];
  const isGovernor = new Set(g);
  return {
    governors: g,
    public: [...new Set(committee.map((m) => m.address))].filter((a) => !isGovernor.has(a)),
  };
}

type Bodies = { governors: BodyTally; public: BodyTally };
type Lists = Pick<BodyTally, 'yes' | 'no' | 'abstain' | 'notVoted'>;
/** One letter per member, in the body's order: y(es), n(o), a(bstain), or - (not voted). */
export type BodyChoices = { governors: string; public: string };

const LETTERS = [
  ['yes', 'y'],
  ['no', 'n'],
  ['abstain', 'a'],
  ['notVoted', '-'],
] as const;

function encode(members: readonly string[], body: Lists): string | null {
  const letter = new Map<string, string>();
  for (const [list, l] of LETTERS) for (const a of body[list]) letter.set(a, l);
  let out = '';
  for (const a of members) {
    const l = letter.get(a);
    if (l === undefined) return null;
    out += l;
  }
  return letter.size === members.length ? out : null;
}

/**
 * A tally's bodies as one letter per member: a few hundred bytes where the address lists
 * take tens of kilobytes. Null when the members are not the bodies' (another set).
 */
export function encodeBodyChoices(
  tally: { governors: Lists; public: Lists },
  members: { governors: readonly string[]; public: readonly string[] },
): BodyChoices | null {
  const governors = encode(members.governors, tally.governors);
  const pub = encode(members.public, tally.public);
  return governors === null || pub === null ? null : { governors, public: pub };
}

function decode(members: readonly string[], code: string): BodyTally {
  const body: BodyTally = { yes: [], no: [], abstain: [], notVoted: [], size: members.length };
  members.forEach((a, i) => {
    const l = code[i];
    if (l === 'y') body.yes.push(a);
    else if (l === 'n') body.no.push(a);
    else if (l === 'a') body.abstain.push(a);
    else body.notVoted.push(a);
  });
  return body;
}

/** The bodies back from their letters; null when the letters are not for these members. */
export function decodeBodyChoices(
  choices: BodyChoices,
  members: { governors: readonly string[]; public: readonly string[] },
): Bodies | null {
  if (
    choices.governors.length !== members.governors.length ||
    choices.public.length !== members.public.length
  )
    return null;
  return {
    governors: decode(members.governors, choices.governors),
    public: decode(members.public, choices.public),
  };
}
