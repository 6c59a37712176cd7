import type { ResultOf } from '../../graphql';
import { graphql } from '../../graphql';

export const SUMMARY = graphql(`
  query DashboardSummary($region: String!, $from: Date!, $to: Date!) {
    supervisionSummary(region: $region, from: $from, to: $to) {
      agencyId
      agency {
        name
      }
      records {
        kind
        count
      }
      review {
        kind
        count
      }
      disclosure {
        kind
        count
      }
      personnel {
        kind
        count
      }
      inspection {
        kind
        count
      }
      supervision {
        kind
        count
      }
    }
  }
`);

type Row = ResultOf<typeof SUMMARY>['supervisionSummary'][number];

/** Each subgraph's part of an agency's summary, as one list of counts. */
const parts = (a: Row) => [
  ...a.records,
  ...a.review,
  ...a.disclosure,
  ...a.personnel,
  ...a.inspection,
  ...a.supervision,
];

/** Findings per agency (every agency of the region, zeros included) and per kind (those found), most first. */
export function tally(rows: Row[]) {
  const byAgency = rows
    .map((a) => ({ name: a.agency.name, count: parts(a).reduce((n, c) => n + c.count, 0) }))
    .sort((x, y) => y.count - x.count);
  const kinds = new Map<string, number>();
  for (const a of rows) for (const c of parts(a)) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + c.count);
  const byKind = [...kinds]
    .filter(([, n]) => n > 0)
    .map(([kind, count]) => ({ kind, count }))
    .sort((x, y) => y.count - x.count);
  return { byAgency, byKind, total: byAgency.reduce((n, a) => n + a.count, 0) };
}
