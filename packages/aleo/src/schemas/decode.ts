import type { z } from 'zod';
import { BaseError } from '../errors';
import { parseChainJson } from '../json';
import { type Block, blockSchema } from './block';
import {
  type ConfirmedTransaction,
  confirmedTransactionSchema,
  type Transaction,
  transactionSchema,
} from './transaction';

/** Chain JSON that parses but does not have the expected shape. */
export class ChainSchemaError extends BaseError {
  override name = 'ChainSchemaError';
  constructor(
    readonly what: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`invalid ${what} at ${path || '(root)'}`, { details: reason });
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Validates an already parsed value; the error names the path of the first bad field. */
export function validate<S extends z.ZodType>(
  schema: S,
  what: string,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ChainSchemaError(what, formatPath(issue?.path ?? []), issue?.message ?? 'invalid');
}

export function decodeBlock(text: string): Block {
  return validate(blockSchema, 'block', parseChainJson(text));
}

export function decodeTransaction(text: string): Transaction {
  return validate(transactionSchema, 'transaction', parseChainJson(text));
}

export function decodeConfirmedTransaction(text: string): ConfirmedTransaction {
  return validate(confirmedTransactionSchema, 'confirmed transaction', parseChainJson(text));
}
