/**
 * 检查事项清单 国办发〔2024〕54号 (国务院办公厅关于严格规范涉企行政检查的意见) 三「清理并公布行政检查事项」: each agency publishes the
 * items it may inspect, with their legal basis; an inspection outside the published items is not allowed. The
 * list changes over time, so every version is kept: an inspection is judged by the list as it stood that day.
 */
export enum ItemAction {
  ADDED = 'ADDED',
  CHANGED = 'CHANGED',
  RETIRED = 'RETIRED',
}

/** What an item says: name, legal basis, the enforcement item (行政执法事项) it belongs to, and its content. */
export interface ItemContent {
  name: string;
  legalBasis: string;
  enforcementItem: string;
  content: string | null;
}

/** Saving the same content again is not a change: no new version, nothing in the history. */
export function sameContent(a: ItemContent, b: ItemContent): boolean {
  return (
    a.name === b.name &&
    a.legalBasis === b.legalBasis &&
    a.enforcementItem === b.enforcementItem &&
    (a.content ?? null) === (b.content ?? null)
  );
}
