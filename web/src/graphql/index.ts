import { initGraphQLTada } from 'gql.tada';

import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents: `graphql(\`query …\`)` is checked against the gateway's API schema when the web app is
 * type-checked, and its result and variables are typed from it. Scalars arrive as JSON text.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; Decimal: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
