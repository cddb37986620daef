import { initTRPC } from '@trpc/server';
import type { ReadContext } from './read-models/cache/define-view';
import type { RelayConfig } from './vote-relay/relay-config';

/**
 * `views` is the process's shared read-model cache (see read-models/cache/define-view.ts);
 * `relay` is set where the server may hand signed votes to Alpha nodes; `governorNodes`
 * where it may ask governors' nodes for their genesis hash; `client` names the caller for
 * rate limits (its address as the HTTP server saw it).
 */
export type ApiContext = ReadContext & {
  relay?: RelayConfig;
  governorNodes?: readonly string[];
  client?: string;
};

type Issue = { path?: readonly PropertyKey[]; message: string };
const issuesOf = (cause: unknown): readonly Issue[] | undefined =>
  cause && typeof cause === 'object' && 'issues' in cause && Array.isArray(cause.issues)
    ? (cause.issues as Issue[])
    : undefined;

/** An input the schema refused reads as one line, `path: reason`, not zod's JSON dump. */
export function inputErrorMessage(issues: readonly Issue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const path = (first.path ?? []).map(String).join('.');
  return `invalid input: ${path ? `${path}: ` : ''}${first.message}`;
}

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    const issues = error.code === 'BAD_REQUEST' ? issuesOf(error.cause) : undefined;
    return issues ? { ...shape, message: inputErrorMessage(issues) } : shape;
  },
});

export const createRouter = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
