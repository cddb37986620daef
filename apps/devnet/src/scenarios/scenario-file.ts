import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Scenario, ScenarioDefinition } from './types';

const name = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a validator name is lowercase letters, digits and dashes');
const height = z.number().int().min(0);
const network = z.number().int().min(0).max(2);

/** A scenario written as JSON: the same fields as the built-in ones; stakes in microcredits. */
const scenarioFileSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(''),
    sourceNetwork: network.default(2),
    targetNetwork: network.default(1),
    validators: z
      .array(
        z.object({
          name,
          role: z.enum(['governor', 'public']),
          stake: z
            .union([z.string().regex(/^[0-9]+$/), z.number().int().positive()])
            .transform(BigInt),
          dev: z.boolean().optional(),
        }),
      )
      .min(1),
    preludeBlocks: height.default(0),
    proposals: z.array(
      z.object({
        key: z.string().min(1),
        proposer: name,
        submitAt: height,
        votingEndsAt: height,
        activationAt: height,
        minGovernorValidators: height,
        minPublicValidators: height,
        deltaMinAlphaBlocks: height,
        votes: z.array(
          z.object({
            voter: name,
            choice: z.union([z.literal(1), z.literal(2), z.literal(3)]),
            at: height,
          }),
        ),
      }),
    ),
    joins: z.array(z.object({ validator: name, afterTargetBlocks: height })).default([]),
    misbehaviours: z
      .array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('genesis-mismatch') }),
          z.object({ type: z.literal('rogue-delta') }),
          z.object({ type: z.literal('yes-voter-stays'), validator: name }),
          z.object({ type: z.literal('double-authoring'), validator: name }),
          z.object({
            type: z.literal('stall'),
            chain: z.enum(['alpha', 'delta']),
            side: z.enum(['source', 'target']),
            fromHeight: height,
            blocks: height,
          }),
          z.object({ type: z.literal('counter-drift') }),
        ]),
      )
      .default([]),
    settleBlocks: height.default(3),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Every name a scenario uses must be one of its validators.
    const known = new Set(s.validators.map((v) => v.name));
    const check = (who: string, path: (string | number)[]) => {
      if (!known.has(who))
        ctx.addIssue({ code: 'custom', path, message: `no validator named '${who}'` });
    };
    s.proposals.forEach((p, i) => {
      check(p.proposer, ['proposals', i, 'proposer']);
      p.votes.forEach((v, j) => {
        check(v.voter, ['proposals', i, 'votes', j, 'voter']);
      });
    });
    s.joins.forEach((j, i) => {
      check(j.validator, ['joins', i, 'validator']);
    });
    s.misbehaviours.forEach((m, i) => {
      if ('validator' in m) check(m.validator, ['misbehaviours', i, 'validator']);
    });
  });

/** Reads and checks a scenario file; errors name the file, the path in it, and the reason. */
export function loadScenarioFile(path: string): ScenarioDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`scenario file ${path}: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = scenarioFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `scenario file ${basename(path)}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  const scenario: Scenario = parsed.data;
  return { name: scenario.name, description: scenario.description, build: () => scenario };
}

/** A `--scenario` value names a built-in scenario, or a JSON file when it ends in `.json`. */
export const isScenarioFile = (value: string) => value.endsWith('.json');
