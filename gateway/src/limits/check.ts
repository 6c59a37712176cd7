import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { TextCache } from '@tsp/shared';
import {
  type DocumentNode,
  getIntrospectionQuery,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  parse,
  validate,
  type ValidationRule,
  type ValueNode,
  visit,
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

/** What the checks of one query text come to, before its operation name and variables are looked at. */
interface Verdict {
  /** The text's own refusal: too many tokens, the selection shape, Armor's rules. */
  refusal?: GraphQLError;
  /** Undefined when the text does not parse (and is not refused): Apollo's words explain it. */
  document?: DocumentNode;
  operationNames: (string | undefined)[];
  /** The only variables the estimate reads: `first` arguments and directive arguments (@skip, @include). */
  costVariables: string[];
  /** Estimates made so far, by operation name and the values of costVariables. */
  costs: Map<string, number>;
}

/** Query texts whose verdict is kept: a client's documents are few and sent again and again. */
const CACHED_TEXTS = 500;
const CACHED_CHARS = 1_000_000;
/** Estimates kept per text (e.g. one per page size asked for). */
const CACHED_COSTS = 32;

/** The variables that can change the estimate of `document` (see cost.ts: only `first` and @skip/@include). */
function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode) => visit(value, { Variable: (v) => void names.add(v.name.value) });
  visit(document, {
    Field: (f) => f.arguments?.forEach((a) => a.name.value === 'first' && collect(a.value)),
    Directive: (d) => d.arguments?.forEach((a) => collect(a.value)),
  });
  return [...names].sort();
}

/** Absent and null stay apart: an absent variable takes its default, an explicit null does not. */
const costKey = (name: string | undefined, variables: string[], values: Record<string, unknown>) =>
  JSON.stringify([name ?? null, variables.map((v) => (Object.hasOwn(values, v) ? [values[v]] : []))]);

/**
 * The gateway's checks before graphql-js validates a query, cheapest first, each linear in the
 * query's size: tokens while parsing, the selection shape, Armor's depth/alias/directive rules, the
 * operation choice, then the estimated cost against the caller's budget. Undefined means: go on.
 *
 * Everything up to the operation choice depends on the text and the schema alone, and the estimate on
 * the operation and a few variables only: both are kept per text (TextCache), so a document sent again
 * costs a map lookup, not a parse, a validation and a walk of its fields. A kept estimate is used only
 * to let a request through; one over the budget is estimated again with the request's own variables, so a
 * refusal is always the one the request itself earns.
 */
export class OperationGuard {
  private model?: { schema: GraphQLSchema; costs: ReturnType<typeof costModel>; anonymousBudget: number };
  private readonly verdicts = new TextCache<Verdict>(CACHED_TEXTS, CACHED_CHARS);
  private verdictsOf?: GraphQLSchema;

  constructor(private readonly schema: () => GraphQLSchema | undefined) {}

  /** Texts whose verdict is kept (for tests). */
  get cachedTexts(): number {
    return this.verdicts.size;
  }

  check(request: OperationRequest, signedIn: boolean): GraphQLError | undefined {
    const schema = this.schema();
    if (!schema) return undefined; // not loaded yet: Apollo answers that itself
    const verdict = this.verdict(schema, request.query);
    const { document } = verdict;
    // A copy: the kept error is shared by every request that sends the text, and Apollo may annotate what it throws.
    if (verdict.refusal) return new GraphQLError(verdict.refusal.message, { extensions: verdict.refusal.extensions });
    if (!document) return undefined;
    const name = request.operationName ?? undefined;
    if (!name && verdict.operationNames.length > 1)
      return badInput('the document has several operations: operationName must name one / 需指定操作名');
    if (name && !verdict.operationNames.includes(name))
      return badInput(`operationName "${name}" is not in the document / 操作名不存在`);
    const model = this.costs(schema);
    const budget = signedIn ? LIMITS.userCost : model.anonymousBudget;
    const variables = request.variables ?? {};
    const key = costKey(name, verdict.costVariables, variables);
    const kept = verdict.costs.get(key);
    if (kept !== undefined && kept <= budget) return undefined;
    let cost: number;
    try {
      cost = model.costs.cost(document, variables, name);
    } catch (e) {
      if (/maximum allowed number of nodes/.test((e as Error).message))
        return tooCostly('query nodes', MAX_NODES, MAX_NODES);
      return undefined; // bad variables and the like: validation explains them
    }
    if (verdict.costs.size < CACHED_COSTS) verdict.costs.set(key, cost);
    return cost > budget
      ? tooCostly(signedIn ? 'estimated cost' : 'estimated cost without a token', cost, budget)
      : undefined;
  }

  /** The text's verdict, kept per schema: a new supergraph is checked afresh. */
  private verdict(schema: GraphQLSchema, query: string): Verdict {
    if (this.verdictsOf !== schema) {
      this.verdicts.clear();
      this.verdictsOf = schema;
    }
    let verdict = this.verdicts.get(query);
    if (!verdict) this.verdicts.set(query, (verdict = judge(schema, query)));
    return verdict;
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

/** The checks of a text alone, for the cache: tokens, selection shape, Armor's rules, the operations it has. */
function judge(schema: GraphQLSchema, query: string): Verdict {
  const verdict: Verdict = { operationNames: [], costVariables: [], costs: new Map() };
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: LIMITS.maxTokens, noLocation: true });
  } catch (e) {
    const m = /Document contains more th[ae][nt] (\d+) tokens/.exec((e as Error).message);
    if (m) verdict.refusal = tooCostly('tokens', Number(m[1]) + 1, LIMITS.maxTokens);
    return verdict; // syntax errors: Apollo's words
  }
  verdict.refusal = checkSelectionShape(document) ?? armorCheck(schema, document);
  if (verdict.refusal) return verdict;
  verdict.document = document;
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION) verdict.operationNames.push(d.name?.value);
  verdict.costVariables = costVariablesOf(document);
  return verdict;
}
