import 'reflect-metadata';

import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { MapperKind, mapSchema, printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLObjectType, type GraphQLSchema, lexicographicSortSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

import { ROOT_DESCRIPTIONS } from '../graphql/descriptions.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import type { Context } from './context.js';
import { applyTextPolicy } from './text-args.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

/** `__resolveReference` per entity type name. Each must authorize, like any resolver. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolvers = Record<string, (ref: any, ctx: Context) => unknown>;

export interface SchemaDefinition {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references: ReferenceResolvers;
}

export interface BuiltSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL, as composition reads it. */
  sdl: string;
}

/** Query and Mutation get their descriptions here: type-graphql has no way to set them. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_OBJECT]: (type) => {
      const description = ROOT_DESCRIPTIONS[type.name as keyof typeof ROOT_DESCRIPTIONS];
      return description ? new GraphQLObjectType({ ...type.toConfig(), description }) : type;
    },
  });
}

/** Type-graphql classes → Federation 2 subgraph schema. Needs no database, so `npm run compose` can call it. */
export async function buildFederatedSchema(def: SchemaDefinition): Promise<BuiltSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: def.resolvers,
    orphanedTypes: def.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    skipCheck: true,
    validate: false,
  });
  // Sorted, so the SDL (and the checked-in supergraph) never depends on module load order.
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(lexicographicSortSchema(describeRootTypes(typeGraphqlSchema)))}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<Context>;
  for (const [type, fn] of Object.entries(def.references)) {
    const existing = (resolvers[type] ?? {}) as Record<string, unknown>;
    resolvers[type] = { ...existing, __resolveReference: fn } as GraphQLResolverMap<Context>[string];
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as GraphQLResolverMap<unknown> });
  // One text policy for every string argument of every subgraph.
  return { schema: applyTextPolicy(schema), sdl };
}
