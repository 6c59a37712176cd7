/**
 * Every limit a caller can meet at the gateway, in one place (README § Limits and abuse lists them).
 * The public disclosure queries are open to the internet by law, so an anonymous caller gets a
 * smaller budget than a signed-in one.
 */
export const LIMITS = {
  /** Lexical tokens in one document, counted while parsing: a 1 MB body cannot become a huge AST. */
  maxTokens: 3_000,
  /** Nested selection levels (fragments followed). */
  maxDepth: 12,
  /** Aliased fields in one operation: aliases are how one field is asked for many times. */
  maxAliases: 50,
  /** Directives in one document. */
  maxDirectives: 50,
  /**
   * Fields sharing one response name in one selection set, and fragment spreads in one: graphql-js
   * compares those pairwise when it validates (quadratic), so `{ id id id … }` could freeze the gateway.
   */
  maxSameResponseName: 20,
  maxFragmentSpreads: 30,
  /** Estimated values in the answer (see cost.ts), for a caller without a token and for a signed-in one. */
  anonymousCost: 100_000,
  userCost: 1_000_000,
  /** Bytes of subgraph answers one request may gather in the gateway before it is stopped. */
  maxUpstreamBytes: 8 * 1024 * 1024,
} as const;
