import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  getIntrospectionQuery,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  parse,
  validate,
  type ValidationRule,
} from 'graphql';

import { costModel, MAX_NODES } from './cost.js';
import { LIMITS } from './numbers.js';
import { tooCostly } from './refusal.js';
import { checkSelectionShape } from './selection-shape.js';

export interface OperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** GraphQL Armor's rules report "… limit of N exceeded, found M."; the refusal carries both numbers. */
const armorRules: [string, number, (o: object) => ValidationRule][] = [
  ['query depth', LIMITS.maxDepth, (o) => maxDepthRule({ n: LIMITS.maxDepth, flattenFragments: true, ...o })],
  ['aliases', LIMITS.maxAliases, (o) => maxAliasesRule({ n: LIMITS.maxAliases, ...o })],
  ['directives', LIMITS.maxDirectives, (o) => maxDirectivesRule({ n: LIMITS.maxDirectives, ...o })],
];

/** One validation pass over Armor's three rules; the first rule to refuse gives the refusal. */
function armorCheck(schema: GraphQLSchema, document: DocumentNode): GraphQLError | undefined {
  const found: (number | undefined)[] = [];
  const rules = armorRules.map(([, limit, rule], i) => {
    const onReject = [
      (_: unknown, e: GraphQLError) => (found[i] = Number(/found (\d+)/.exec(e.message)?.[1] ?? limit + 1)),
    ];
    return rule({ onReject, propagateOnRejection: false });
  });
  validate(schema, document, rules);
  const i = found.findIndex((n) => n !== undefined);
  return i < 0 ? undefined : tooCostly(armorRules[i][0], found[i]!, armorRules[i][1]);
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * The gateway's checks before graphql-js validates a query, cheapest first, each linear in the
 * query's size: tokens while parsing, the selection shape, Armor's depth/alias/directive rules, the
 * operation choice, then the estimated cost against the caller's budget. Undefined means: go on.
 */
export class OperationGuard {
  private model?: { schema: GraphQLSchema; costs: ReturnType<typeof costModel>; anonymousBudget: number };

  constructor(private readonly schema: () => GraphQLSchema | undefined) {}

  check(request: OperationRequest, signedIn: boolean): GraphQLError | undefined {
    const schema = this.schema();
    if (!schema) return undefined; // not loaded yet: Apollo answers that itself
    let document: DocumentNode;
    try {
      document = parse(request.query, { maxTokens: LIMITS.maxTokens, noLocation: true });
    } catch (e) {
      const m = /Document contains more th[ae][nt] (\d+) tokens/.exec((e as Error).message);
      return m ? tooCostly('tokens', Number(m[1]) + 1, LIMITS.maxTokens) : undefined; // syntax errors: Apollo's words
    }
    const shape = checkSelectionShape(document) ?? armorCheck(schema, document);
    if (shape) return shape;
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const name = request.operationName ?? undefined;
    if (!name && operations.length > 1)
      return badInput('the document has several operations: operationName must name one / 需指定操作名');
    if (name && !operations.some((o) => o.name?.value === name))
      return badInput(`operationName "${name}" is not in the document / 操作名不存在`);
    const model = this.costs(schema);
    const budget = signedIn ? LIMITS.userCost : model.anonymousBudget;
    let cost: number;
    try {
      cost = model.costs.cost(document, request.variables ?? {}, name);
    } catch (e) {
      if (/maximum allowed number of nodes/.test((e as Error).message))
        return tooCostly('query nodes', MAX_NODES, MAX_NODES);
      return undefined; // bad variables and the like: validation explains them
    }
    return cost > budget
      ? tooCostly(signedIn ? 'estimated cost' : 'estimated cost without a token', cost, budget)
      : undefined;
  }

  /**
   * The cost model of this schema, and the anonymous budget: LIMITS.anonymousCost, or the schema's own standard
   * introspection query if that costs more — the sandbox must always be able to load the schema, however it grows.
   */
  private costs(schema: GraphQLSchema) {
    if (this.model?.schema !== schema) {
      const costs = costModel(schema);
      const introspection = costs.cost(parse(getIntrospectionQuery()), {});
      this.model = { schema, costs, anonymousBudget: Math.max(LIMITS.anonymousCost, introspection) };
    }
    return this.model;
  }
}
