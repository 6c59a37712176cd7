import { MAX_PAGE } from '@tsp/shared';
import {
  type DocumentNode,
  getNullableType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/** The page a connection answers when `first` is not given (shared/src/graphql/pagination.ts). */
const DEFAULT_PAGE = 50;
/** A list whose length nothing bounds: a county's largest agency has a few hundred officers. */
const DEFAULT_LIST = 100;

/** Lists whose length the domain bounds (enums, checklists, the officers of one act). */
const KNOWN_BOUNDS: Record<string, number> = {
  'AgencySupervisionSummary.disclosure': 20,
  'AgencySupervisionSummary.inspection': 20,
  'AgencySupervisionSummary.personnel': 20,
  'AgencySupervisionSummary.records': 20,
  'AgencySupervisionSummary.review': 20,
  // Two complaint finding kinds (subgraphs/supervision/src/rules/findings.ts).
  'AgencySupervisionSummary.supervision': 20,
  'AnnualReport.byCategory': 20,
  // Six categories and one without; every month of a year × the 15 statistics metrics.
  'EnforcementStatistics.byCategory': 7,
  'AgencyStatistics.byCategory': 7,
  'EnforcementStatistics.monthly': 180,
  'AnnualReport.byOutcome': 10,
  'LegalReview.checklist': 20,
  'LegalReview.handlers': 10,
  'EnforcementCase.handlers': 10,
  'EnforcementCase.entries': 50,
  'EnforcementCase.reviews': 5,
  'EnforcementCase.decisionDeadlineExtensions': 5,
  'RecordEntry.officers': 10,
  'RecordEntry.attachments': 10,
  'Officer.assignments': 20,
  'Officer.credentials': 10,
  'Credential.history': 20,
  'DecisionPublication.revisions': 20,
  'AgencyDisclosure.revisions': 20,
  'EnforcementItem.revisions': 20,
  'RandomInspectionItem.revisions': 20,
  'ServiceGuide.revisions': 20,
  'InspectionItem.revisions': 20,
  'ProcessFlowchart.steps': 30,
  // Bounded by disclosure's writes (subgraphs/disclosure/src/rules/discretion-benchmark.ts).
  'DiscretionBenchmark.tiers': 10,
  'DiscretionBenchmark.revisions': 20,
  'EnforcementItem.discretionBenchmarks': 20,
};

/** Introspection lists are as long as the schema makes them: their average, so cycles still multiply. */
function introspectionBounds(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  const avg = (count: (t: (typeof types)[number]) => number) =>
    Math.max(1, Math.ceil(types.reduce((n, t) => n + count(t), 0) / types.length));
  const fieldsOf = (t: (typeof types)[number]) =>
    isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : [];
  const fields = types.flatMap(fieldsOf);
  const directives = schema.getDirectives();
  return {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': avg((t) => fieldsOf(t).length),
    '__Type.inputFields': avg((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0)),
    '__Type.enumValues': avg((t) => (isEnumType(t) ? t.getValues().length : 0)),
    '__Type.interfaces': avg((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0)),
    '__Type.possibleTypes': avg((t) => (isUnionType(t) ? t.getTypes().length : 0)),
    '__Field.args': Math.max(1, Math.ceil(fields.reduce((n, f) => n + f.args.length, 0) / Math.max(1, fields.length))),
    '__Directive.args': Math.max(1, Math.ceil(directives.reduce((n, d) => n + d.args.length, 0) / directives.length)),
  };
}

/**
 * Each field costs one value per time it can appear: a list multiplies what is under it by its page
 * size (`first`), its known bound, or DEFAULT_LIST. Connection edges are already counted by `first`.
 */
function estimator(bounds: Record<string, number>): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const perItem = 1 + childComplexity;
    if (field.args.some((a) => a.name === 'first')) {
      const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE;
      return Math.min(Math.max(first, 1), MAX_PAGE) * perItem;
    }
    if (!isListType(getNullableType(field.type))) return perItem;
    if (field.name === 'edges' && type.name.endsWith('Connection')) return perItem;
    return (bounds[`${type.name}.${field.name}`] ?? DEFAULT_LIST) * perItem;
  };
}

/** Field nodes the estimate walks (fragments expanded where spread) before it gives up. */
export const MAX_NODES = 5_000;

export interface CostModel {
  /** The estimated values of the answer; throws when the query has more nodes than it will walk. */
  cost(document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number;
}

/** A cost model for one (API) schema, its bounds read from that schema. */
export function costModel(schema: GraphQLSchema): CostModel {
  const estimators = [estimator({ ...introspectionBounds(schema), ...KNOWN_BOUNDS })];
  return {
    cost: (query, variables, operationName) =>
      getComplexity({ estimators, schema, query, variables, operationName, maxQueryNodes: MAX_NODES }),
  };
}
