import type { GraphQLFormattedError } from 'graphql';

/** A GraphQL Name (spec § 2.1.9), of a length a label can carry. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Operation names are the client's choice: each new name would be a new time series. The first
 * `max` distinct names keep their own label; later ones, and anything that is not a GraphQL name,
 * are "other"; a request without a name is "anonymous". Only a name that may `claim` (its operation
 * resolved in a valid document) takes a slot, so junk that never parses cannot use them up.
 */
export class BoundedNames {
  private readonly seen = new Set<string>();
  constructor(readonly max: number) {}

  label(name: string | null | undefined, claim = true): string {
    if (!name) return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (!claim || this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}

/**
 * Codes an outcome label may carry: the contract's (README § API) and Apollo's own. Codes come
 * from subgraphs' answers too, so anything else is "OTHER" (a bounded label set).
 */
export const OUTCOME_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'CREDENTIAL_INVALID',
  'AUDIO_VISUAL_REQUIRED',
  'TWO_OFFICERS_REQUIRED',
  'STAGE_ORDER',
  'REVIEW_REQUIRED',
  'DEPENDENCY_UNAVAILABLE',
  'QUERY_TOO_COSTLY',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** One error's code as a label: a known code, or OTHER (also for an error without a code). */
export function codeOutcome(code: unknown): string {
  return typeof code === 'string' && OUTCOME_CODES.has(code) ? code : 'OTHER';
}

/** "ok" without errors, else the first error's code (a partial answer counts as its error). */
export function outcomeOf(errors: readonly Pick<GraphQLFormattedError, 'extensions'>[] | null | undefined): string {
  return errors?.length ? codeOutcome(errors[0].extensions?.code) : 'ok';
}

/** The outcome of a thrown error: its GraphQL code when it has one. */
export function thrownOutcome(e: unknown): string {
  return codeOutcome((e as { extensions?: { code?: unknown } } | null)?.extensions?.code);
}
