import { encodeCursor } from '@tsp/shared';
import {
  type ASTNode,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  print,
  visit,
} from 'graphql';

import type { LogTail } from './tail.js';

export const PAGE = 100;
/** A subscriber whose socket holds more than this unsent stops being fed until it drains. */
export const MAX_BUFFERED_BYTES = 1 << 20;

export interface StreamOptions {
  document: DocumentNode;
  variables: Record<string, unknown>;
  /** Runs a query through the gateway as the subscriber (normal federated execution). */
  execute(query: string, variables: Record<string, unknown>): Promise<ExecutionResult>;
  tail: LogTail;
  bufferedAmount(): number;
  closed(): boolean;
}

/** The root field of `subscription { reviewEvents(...) { … } }` and its arguments' variable names. */
function rootField(doc: DocumentNode): { op: OperationDefinitionNode; field: FieldNode } {
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const field = op.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD)!;
  return { op, field };
}

/**
 * Turns the subscription into a page query over the durable log (`reviewEvents(after, first)`),
 * keeping the subscriber's selection, fragments and variables.
 */
export function pageQuery(doc: DocumentNode): string {
  const { op, field } = rootField(doc);
  const fragments = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const agencyArg = field.arguments?.find((a) => a.name.value === 'agencyId');
  // Only the variables the page query still uses (the subscription's own `after` is replaced by $__after).
  const used = new Set<string>();
  const collect = (node: ASTNode | undefined) => node && visit(node, { Variable: (v) => void used.add(v.name.value) });
  [field.selectionSet, agencyArg, ...fragments].forEach(collect);
  const vars = (op.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value)).map(print);
  const args = [`after: $__after`, `first: ${PAGE}`, ...(agencyArg ? [print(agencyArg)] : [])];
  const selection = field.selectionSet ? print(field.selectionSet) : '';
  return [
    `query ReviewEventsPage($__after: String${vars.length ? ', ' + vars.join(', ') : ''}) {`,
    `  page: reviewEvents(${args.join(', ')}) { edges { cursor node ${selection} } }`,
    `}`,
    ...fragments.map(print),
  ].join('\n');
}

function startCursor(doc: DocumentNode, variables: Record<string, unknown>): string | null | undefined {
  const { field } = rootField(doc);
  const arg = field.arguments?.find((a) => a.name.value === 'after');
  if (!arg) return undefined;
  if (arg.value.kind === Kind.STRING) return arg.value.value;
  if (arg.value.kind === Kind.VARIABLE)
    return (variables[arg.value.name.value] as string | null | undefined) ?? undefined;
  return undefined;
}

/**
 * The gap first (events after the subscriber's cursor), then live events, each exactly once:
 * the stream only ever asks the log for what comes after the last cursor it delivered.
 */
export async function* reviewEventStream(o: StreamOptions): AsyncGenerator<ExecutionResult> {
  const query = pageQuery(o.document);
  const fieldName = rootField(o.document).field.alias?.value ?? 'reviewEvents';
  let after = startCursor(o.document, o.variables) ?? encodeCursor(String(await o.tail.position()));
  while (!o.closed()) {
    const res = await o.execute(query, { ...o.variables, __after: after });
    if (res.errors?.length) {
      // executeOperation returns formatted errors; graphql-ws sends GraphQLError instances.
      yield { errors: res.errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })) };
      return;
    }
    const edges = (res.data?.page as { edges: { cursor: string; node: unknown }[] } | undefined)?.edges ?? [];
    for (const e of edges) {
      // Back-pressure: a slow reader holds the stream here instead of growing memory.
      while (o.bufferedAmount() > MAX_BUFFERED_BYTES && !o.closed()) await new Promise((r) => setTimeout(r, 50));
      if (o.closed()) return;
      after = e.cursor;
      yield { data: { [fieldName]: e.node } };
    }
    if (edges.length < PAGE) await o.tail.wait();
  }
}
