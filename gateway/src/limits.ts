import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

export const MAX_DEPTH = 12;
export const MAX_FIELDS = 1000;

/**
 * Rejects queries nested deeper than MAX_DEPTH or selecting more than MAX_FIELDS fields
 * (fragments expanded), before any subgraph is asked.
 */
export function queryLimits(maxDepth = MAX_DEPTH, maxFields = MAX_FIELDS) {
  return (ctx: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    let fields = 0;
    const walk = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
      let deepest = depth;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          fields++;
          if (s.selectionSet) deepest = Math.max(deepest, walk(s.selectionSet, depth + 1, seen));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, walk(s.selectionSet, depth, seen));
        } else {
          const f = fragments.get(s.name.value);
          if (f && !seen.has(f.name.value)) deepest = Math.max(deepest, walk(f.selectionSet, depth, new Set([...seen, f.name.value])));
        }
        if (deepest > maxDepth || fields > maxFields) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(op) {
        fields = 0;
        const depth = walk(op.selectionSet, 1, new Set());
        if (depth > maxDepth)
          ctx.reportError(new GraphQLError(`query is nested ${depth} levels deep; the limit is ${maxDepth} / 查询嵌套过深`, { extensions: { code: 'BAD_USER_INPUT' } }));
        else if (fields > maxFields)
          ctx.reportError(new GraphQLError(`query selects more than ${maxFields} fields / 查询字段过多`, { extensions: { code: 'BAD_USER_INPUT' } }));
      },
    };
  };
}
