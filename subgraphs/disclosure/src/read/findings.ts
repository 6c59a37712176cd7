import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type Context,
  countFindings,
  type Finding,
  type FindingCount,
  requireFindingsCaller,
  shanghaiDate,
  type SummaryKey,
} from '@tsp/shared';

import { type DisclosureFacts, disclosureFindings } from '../rules/findings.js';
import { mayRead } from './access.js';
import { PUBLIC_VISIBLE } from './visibility.js';

type AgencyFacts = Omit<DisclosureFacts, 'agencyId' | 'today' | 'now'>;

/**
 * Facts for disclosureFindings of several agencies in a constant number of statements. "Still visible"
 * uses the public list's own predicate, so it reports what the public really sees.
 */
export async function findingFacts(
  em: EntityManager,
  agencyIds: readonly string[],
  today: string,
): Promise<Map<string, AgencyFacts>> {
  const ids = `{${agencyIds.join(',')}}`;
  const [drafts, withdrawals, visible, reports] = await Promise.all([
    em.execute(
      `select id, agency_id, case_number, category, to_char(due_on, 'YYYY-MM-DD') as due_on from disclosure.publication
        where agency_id = any(?::uuid[]) and status = 'DRAFT' and publishable and due_on < ?::date order by due_on`,
      [ids, today],
    ),
    em.execute(
      `select id, agency_id, case_number, category, to_char(withdrawal_due_on, 'YYYY-MM-DD') as due from disclosure.publication
        where agency_id = any(?::uuid[]) and status = 'PUBLISHED' and withdrawal_due_on < ?::date order by withdrawal_due_on`,
      [ids, today],
    ),
    em.execute(
      `select p.id, p.agency_id, p.case_number, p.category,
              case when p.withdrawn_at is not null then '已撤回' when r.action = 'WITHDRAWN' then '已撤回' else '不应公开' end as why
         from disclosure.publication p
         left join lateral (select action from disclosure.publication_revision where publication_id = p.id order by version desc limit 1) r on true
        -- Candidates first (ever withdrawn, from migration 0008's partial indexes), fetched by key: the region's
        -- other publications are never read, and the latest-revision lookup runs for few rows.
        where p.id = any(array(
                select id from disclosure.publication
                 where agency_id = any(?::uuid[]) and (withdrawn_at is not null or withdrawal_reason is not null)
                union
                select publication_id from disclosure.publication_revision where action = 'WITHDRAWN'))
          and p.agency_id = any(?::uuid[]) and ${PUBLIC_VISIBLE}
          and (p.withdrawn_at is not null or p.withdrawal_reason is not null or r.action = 'WITHDRAWN')`,
      [ids, ids, today],
    ),
    em.execute(`select agency_id, year from disclosure.annual_report where agency_id = any(?::uuid[])`, [ids]),
  ]);
  const out = new Map<string, AgencyFacts>();
  for (const id of agencyIds)
    out.set(id, { overdueDrafts: [], pendingWithdrawals: [], visibleButGone: [], reportedYears: [] });
  for (const r of drafts as { id: string; agency_id: string; case_number: string; category: never; due_on: string }[])
    out
      .get(r.agency_id)
      ?.overdueDrafts.push({ id: r.id, caseNumber: r.case_number, category: r.category, dueOn: r.due_on });
  for (const r of withdrawals as { id: string; agency_id: string; case_number: string; category: never; due: string }[])
    out
      .get(r.agency_id)
      ?.pendingWithdrawals.push({ id: r.id, caseNumber: r.case_number, category: r.category, withdrawalDueOn: r.due });
  for (const r of visible as { id: string; agency_id: string; case_number: string; category: never; why: string }[])
    out
      .get(r.agency_id)
      ?.visibleButGone.push({ id: r.id, caseNumber: r.case_number, category: r.category, why: r.why });
  for (const r of reports as { agency_id: string; year: number }[])
    (out.get(r.agency_id)?.reportedYears as number[] | undefined)?.push(r.year);
  return out;
}

/** 公示监督发现 One agency's disclosure findings for this caller (the Agency field and the supervision summary). */
export async function agencyDisclosureFindings(
  ctx: Context,
  a: { id: string; region?: string | null },
): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  if (!a.region || !mayRead(ctx, { agencyId: a.id, region: a.region })) return [];
  const today = shanghaiDate();
  const facts = await ctx.loaders
    .get<string, AgencyFacts>(`findingFacts`, async (ids) => {
      const m = await findingFacts(ctx.em, ids, today);
      return ids.map((id) => m.get(id)!);
    })
    .load(a.id);
  return disclosureFindings({ agencyId: a.id, today, now: new Date(), ...facts });
}

/** This subgraph's part of supervisionSummary: the agency's findings counted per kind and category. */
export async function disclosureSummary(ctx: Context, s: SummaryKey): Promise<FindingCount[]> {
  return countFindings(await agencyDisclosureFindings(ctx, { id: s.agencyId, region: s.region }), s.from, s.to);
}
