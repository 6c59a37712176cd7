import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  execute,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/** README § API: a subscription sent over HTTP is the client's input error; `reason` says which. */
export const SUBSCRIPTION_OVER_HTTP = 'SUBSCRIPTION_OVER_HTTP';

export const subscriptionOverHttp = () =>
  new GraphQLError(
    'subscriptions run over WebSocket (graphql-ws) on /graphql, not over HTTP / ' +
      '订阅请通过 WebSocket（graphql-ws）连接 /graphql',
    { extensions: { code: 'BAD_USER_INPUT', reason: SUBSCRIPTION_OVER_HTTP, http: { status: 400 } } },
  );

/** Root fields the gateway answers from a schema, not from a subgraph. */
const INTROSPECTION = new Set(['__schema', '__type']);

type Fragments = Map<string, FragmentDefinitionNode>;

/** The operation's root fields, inline fragments and spreads followed (Apollo validated it: no cycles). */
function rootFields(set: SelectionSetNode, fragments: Fragments): FieldNode[] {
  return set.selections.flatMap((s): FieldNode[] => {
    if (s.kind === Kind.FIELD) return [s];
    const inner = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : fragments.get(s.name.value)?.selectionSet;
    return inner ? rootFields(inner, fragments) : [];
  });
}

/** The root selection with only `__schema` / `__type` left, spreads inlined (their directives kept). */
function introspectionOnly(set: SelectionSetNode, fragments: Fragments): SelectionSetNode {
  const keep = (s: SelectionNode): SelectionNode[] => {
    if (s.kind === Kind.FIELD) return INTROSPECTION.has(s.name.value) ? [s] : [];
    if (s.kind === Kind.INLINE_FRAGMENT) return [{ ...s, selectionSet: introspectionOnly(s.selectionSet, fragments) }];
    const f = fragments.get(s.name.value);
    if (!f) return [];
    const selectionSet = introspectionOnly(f.selectionSet, fragments);
    return [{ kind: Kind.INLINE_FRAGMENT, typeCondition: f.typeCondition, directives: s.directives, selectionSet }];
  };
  return { ...set, selections: set.selections.flatMap(keep) };
}

/**
 * Apollo Gateway's API schema has no Subscription type (the gateway cannot execute subscriptions), so
 * GraphiQL could neither show nor run `reviewEvents`. This wraps the gateway so that Apollo Server is handed
 * the subscription-capable schema (`served`: the API schema plus SUBSCRIPTION_SDL, the one graphql-ws
 * serves): Apollo validates against it, and its introspection is what the sandbox shows. A plugin alone
 * could not do it: Apollo validates against the gateway's schema before any hook, and the gateway
 * answers `__schema` from its own schema. Execution stays with the gateway (its query planner knows
 * only the supergraph), except for what it cannot do: a subscription is refused with
 * SUBSCRIPTION_OVER_HTTP (it used to fail with HTTP 500 in the query planner), and `__schema` / `__type`
 * are answered from `served`.
 */
export function withSubscriptionType(
  gateway: ApolloGateway,
  served: (apiSchema: GraphQLSchema) => GraphQLSchema,
): GatewayInterface {
  let api: GraphQLSchema | undefined, schema: GraphQLSchema | undefined;
  /**
   * Who answers each operation, kept per operation node: Apollo Server keeps the parsed document of a text
   * it has seen, so an operation sent again is the same node and its root fields are not walked again.
   */
  const answeredBy = new WeakMap<OperationDefinitionNode, 'gateway' | 'schema' | 'both'>();
  const fragmentsOf = (document: DocumentNode): Fragments => {
    const fragments: Fragments = new Map();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    return fragments;
  };
  const executor =
    (inner: GatewayExecutor): GatewayExecutor =>
    async (rc) => {
      // No operation resolved (typed as always there, it is not): the gateway says why, as before.
      if (!(rc.operation as OperationDefinitionNode | undefined)) return inner(rc);
      if (rc.operation.operation === 'subscription') return { errors: [subscriptionOverHttp()] };
      let by = answeredBy.get(rc.operation);
      if (!by) {
        const fields = rootFields(rc.operation.selectionSet, fragmentsOf(rc.document));
        by = !fields.some((f) => INTROSPECTION.has(f.name.value))
          ? 'gateway'
          : fields.every((f) => f.name.value.startsWith('__'))
            ? 'schema'
            : 'both';
        answeredBy.set(rc.operation, by);
      }
      if (by === 'gateway' || !schema) return inner(rc);
      const fragments = fragmentsOf(rc.document);
      const introspect = (operation: OperationDefinitionNode) =>
        execute({
          schema: schema!,
          document: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] },
          variableValues: rc.request.variables,
        });
      // Only introspection (GraphiQL's query): nothing for the gateway to plan.
      if (by === 'schema') return introspect(rc.operation);
      // Data and introspection in one operation: the gateway answers, its introspection replaced by ours.
      const [own, result] = await Promise.all([
        introspect({ ...rc.operation, selectionSet: introspectionOnly(rc.operation.selectionSet, fragments) }),
        inner(rc),
      ]);
      if (!result.data) return result;
      const errors = [...(result.errors ?? []), ...(own.errors ?? [])];
      return { ...result, data: { ...result.data, ...own.data }, ...(errors.length ? { errors } : {}) };
    };
  return {
    onSchemaLoadOrUpdate: (callback) =>
      gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
        // Built once per gateway schema, however many listen: Apollo, the limits and graphql-ws share it.
        if (apiSchema !== api) [api, schema] = [apiSchema, served(apiSchema)];
        callback({ apiSchema: schema!, coreSupergraphSdl });
      }),
    load: async (options) => {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: loaded.executor && executor(loaded.executor) };
    },
    stop: () => gateway.stop(),
  };
}
