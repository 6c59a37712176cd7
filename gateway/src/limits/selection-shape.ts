import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

import { LIMITS } from './numbers.js';
import { tooCostly } from './refusal.js';

/**
 * graphql-js's OverlappingFieldsCanBeMerged rule compares, in each selection set, every pair of
 * fields with one response name and every pair of fragment spreads. 2,000 `id`s take it 0.8 s;
 * 10,000 took 35 s, with the event loop blocked. This walk is linear and runs before validation.
 */
export function checkSelectionShape(document: DocumentNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  /** Counts the response names and spreads that validation merges into `set`, fragments inlined once each. */
  const count = (set: SelectionSetNode, names: Map<string, number>, spreads: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const name = (s.alias ?? s.name).value;
        names.set(name, (names.get(name) ?? 0) + 1);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        count(s.selectionSet, names, spreads);
      } else if (!spreads.has(s.name.value)) {
        spreads.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) count(f.selectionSet, names, spreads);
      }
    }
  };

  const sets: SelectionSetNode[] = [];
  for (const d of document.definitions) if ('selectionSet' in d && d.selectionSet) sets.push(d.selectionSet);
  while (sets.length) {
    const set = sets.pop()!;
    const names = new Map<string, number>();
    const spreads = new Set<string>();
    count(set, names, spreads);
    if (spreads.size > LIMITS.maxFragmentSpreads)
      return tooCostly('fragment spreads in one selection', spreads.size, LIMITS.maxFragmentSpreads);
    for (const [name, n] of names)
      if (n > LIMITS.maxSameResponseName)
        return tooCostly(`fields named "${name}" in one selection`, n, LIMITS.maxSameResponseName);
    for (const s of set.selections) if ('selectionSet' in s && s.selectionSet) sets.push(s.selectionSet);
  }
  return undefined;
}
