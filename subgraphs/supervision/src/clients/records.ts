import { type ArchivedCaseRef, recordsClient } from '@tsp/shared';

const records = recordsClient('supervision');

/** Cases of a region (or of these agencies) archived between two days inclusive; fails closed. */
export function archivedCases(q: {
  region: string;
  agencyIds?: readonly string[] | null;
  from: string;
  to: string;
}): Promise<ArchivedCaseRef[]> {
  return records.archivedCases(q);
}
