import { type Context, type EnforcementCategory, type Finding, shanghaiDate } from '@tsp/shared';

import { latestAuditProblems } from '../journal/index.js';
import { DEFAULT_AUDIO_VISUAL_LIST } from '../rules/audio-visual.js';
import { type EntryFindingFacts, recordFindings } from '../rules/findings.js';
import type { AttachmentFacts, RecordActivity } from '../rules/kinds.js';
import { mayRead } from './access.js';
import { overturnedDecisions } from './challenges.js';
import { departedDecisions } from './decision-findings.js';
import { load } from './loaders.js';

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** Per-agency aggregates for Agency extension fields, batched across all agencies of a request. */
export const agencyLoad = {
  /** Case count and the agency's region (as copied onto its cases), or null when it has none. */
  caseCount: (ctx: Context) =>
    ctx.loaders.get<string, { region: string; n: number } | null>('caseCount', async (ids) => {
      const rows: { agency_id: string; region: string; n: string }[] = await ctx.em.execute(
        `select agency_id, min(region) as region, count(*) as n from records.enforcement_case where agency_id = any(?::uuid[]) group by agency_id`,
        [uuidArray(ids)],
      );
      const m = new Map(rows.map((r) => [r.agency_id, { region: r.region, n: Number(r.n) }]));
      return ids.map((id) => m.get(id) ?? null);
    }),

  /**
   * The agency's region as copied onto its cases (null when it has none): one index probe per agency, no
   * counting. The order by matches enforcement_case_agency_filed_idx; without it the planner seq-scans.
   */
  region: (ctx: Context) =>
    ctx.loaders.get<string, string | null>('caseRegion', async (ids) => {
      const rows: { agency_id: string; region: string }[] = await ctx.em.execute(
        `select a.agency_id, c.region from unnest(?::uuid[]) a(agency_id)
           cross join lateral (select region from records.enforcement_case where agency_id = a.agency_id order by filed_at desc limit 1) c`,
        [uuidArray(ids)],
      );
      const m = new Map(rows.map((r) => [r.agency_id, r.region]));
      return ids.map((id) => m.get(id) ?? null);
    }),

  /** Findings per agency the caller may read; [] otherwise. A constant number of statements for any number of agencies. */
  findings: (ctx: Context) =>
    ctx.loaders.get<string, Finding[]>('recordFindings', async (ids) => {
      const regions = await agencyLoad.region(ctx).loadMany(ids);
      const readable = ids.filter((id, i) => {
        const region = regions[i];
        return typeof region === 'string' && mayRead(ctx, { agencyId: id, region });
      });
      if (!readable.length) return ids.map(() => []);
      const today = shanghaiDate();
      const lists = (await load.audioVisualList(ctx).loadMany(readable)).map((l) =>
        l && !(l instanceof Error) ? l.activities : DEFAULT_AUDIO_VISUAL_LIST,
      );
      // (agency, activity) pairs of every agency's audio-visual list, for the entry pre-filter below.
      const pairs = readable.flatMap((id, i) => lists[i].map((activity) => `"${id} ${activity}"`));
      const [overdue, unserved, applications, entries, problems, departed, overturned] = await Promise.all([
        ctx.em.execute<
          {
            id: string;
            agency_id: string;
            case_number: string;
            category: EnforcementCategory;
            decision_due_on: string;
            decided: boolean;
          }[]
        >(
          `select id, agency_id, case_number, category, to_char(decision_due_on, 'YYYY-MM-DD') as decision_due_on, decided
             from records.enforcement_case where agency_id = any(?::uuid[]) and not decided and decision_due_on < ?::date`,
          [uuidArray(readable), today],
        ),
        // Decisions past their service due day and not served: enforcement_case_unserved_idx (migration 0009) holds only cases not served.
        ctx.em.execute<
          {
            id: string;
            agency_id: string;
            case_number: string;
            category: EnforcementCategory;
            service_due_on: string;
          }[]
        >(
          `select id, agency_id, case_number, category, to_char(service_due_on, 'YYYY-MM-DD') as service_due_on
             from records.enforcement_case where agency_id = any(?::uuid[]) and served_at is null and service_due_on < ?::date`,
          [uuidArray(readable), today],
        ),
        // Licensing applications past their answer day with no acceptance or a late one: enforcement_case_unaccepted_idx
        // (migration 0012) holds only those; one decided in time without an ACCEPTANCE entry is left out here and in rules/.
        ctx.em.execute<
          {
            id: string;
            agency_id: string;
            case_number: string;
            acceptance_due_on: string;
            accepted_on: string | null;
            decided_on: string | null;
          }[]
        >(
          `select c.id, c.agency_id, c.case_number, to_char(c.acceptance_due_on, 'YYYY-MM-DD') as acceptance_due_on,
                  to_char(c.accepted_on, 'YYYY-MM-DD') as accepted_on, to_char(d.decided_on, 'YYYY-MM-DD') as decided_on
             from records.enforcement_case c left join records.case_decision d on d.case_id = c.id
            where c.agency_id = any(?::uuid[]) and c.acceptance_due_on is not null and c.acceptance_due_on < ?::date
              and (c.accepted_on is null or c.accepted_on > c.acceptance_due_on)
              and coalesce(c.accepted_on, d.decided_on, ?::date) > c.acceptance_due_on`,
          [uuidArray(readable), today, today],
        ),
        // Only entries that could break a rule: an imported credential problem, or no full-process audio/video
        // where it may be needed (affecting liberty or property, or on the agency's list and no AUDIO/VIDEO at
        // all). Candidates come from small indexes (migration 0007); audioVisualProblem (rules/) decides. One index
        // scan over the agencies × the listed activities (constants, so the planner estimates from their frequencies;
        // a lookup per pair got a generic guess of a thousand rows each and scanned whole tables at a province's 1M
        // cases), then only the agency's own pairs; `= any(array(…))` fetches the entries by key.
        ctx.em.execute<
          {
            id: string;
            agency_id: string;
            case_id: string;
            case_number: string;
            category: EnforcementCategory;
            sequence: number;
            activity: RecordActivity;
            affects: boolean;
            occurred_at: Date;
            credential_problem: string | null;
            attachments: AttachmentFacts[];
          }[]
        >(
          `select e.id, e.agency_id, e.case_id, c.case_number, c.category, e.sequence, e.activity, e.affects_liberty_or_property as affects,
                  e.occurred_at, e.credential_problem,
                  coalesce((select json_agg(json_build_object('kind', a.kind, 'fullProcess', a.full_process)) from records.attachment a where a.entry_id = e.id), '[]') as attachments
             from records.record_entry e
             join records.enforcement_case c on c.id = e.case_id
            where e.id = any(array(
                    select entry_id from records.entry_without_full_av
                     where not has_av and agency_id = any(?::uuid[]) and activity = any(?::text[])
                       and agency_id::text || ' ' || activity = any(?::text[])
                    union
                    select entry_id from records.entry_without_full_av where affects_liberty_or_property and agency_id = any(?::uuid[])
                    union
                    select id from records.record_entry where credential_problem is not null and agency_id = any(?::uuid[])))`,
          [
            uuidArray(readable),
            `{${[...new Set(lists.flat())].join(',')}}`,
            `{${pairs.join(',')}}`,
            uuidArray(readable),
            uuidArray(readable),
          ],
        ),
        // The periodic self-audit re-verifies the whole journal; findings read its latest outcome, so
        // their cost does not grow with the journal (verifyCaseJournal and case.journal check live).
        latestAuditProblems(ctx.em),
        departedDecisions(ctx.em, readable),
        overturnedDecisions(ctx.em, readable),
      ]);
      const detailOf = new Map<string, string>();
      for (const pr of problems)
        for (const id of pr.caseIds ?? []) detailOf.set(id, [detailOf.get(id), pr.message].filter(Boolean).join('; '));
      const all = detailOf.size
        ? await ctx.em.execute<{ id: string; agency_id: string; case_number: string; category: EnforcementCategory }[]>(
            `select id, agency_id, case_number, category from records.enforcement_case where agency_id = any(?::uuid[]) and id = any(?::uuid[])`,
            [uuidArray(readable), uuidArray([...detailOf.keys()])],
          )
        : [];
      const broken = all.map((c) => ({ ...c, detail: detailOf.get(c.id)! }));
      return ids.map((id) => {
        const i = readable.indexOf(id);
        if (i < 0) return [];
        const facts: EntryFindingFacts[] = entries
          .filter((e) => e.agency_id === id)
          .map((e) => ({
            id: e.id,
            caseId: e.case_id,
            caseNumber: e.case_number,
            category: e.category,
            sequence: e.sequence,
            activity: e.activity,
            affectsLibertyOrProperty: e.affects,
            attachments: e.attachments,
            occurredAt: new Date(e.occurred_at),
            credentialProblem: e.credential_problem,
          }));
        return recordFindings({
          agencyId: id,
          today,
          cases: overdue
            .filter((c) => c.agency_id === id)
            .map((c) => ({
              id: c.id,
              caseNumber: c.case_number,
              category: c.category,
              decisionDueOn: c.decision_due_on,
              decided: c.decided,
            })),
          unserved: unserved
            .filter((c) => c.agency_id === id)
            .map((c) => ({
              caseId: c.id,
              caseNumber: c.case_number,
              category: c.category,
              serviceDueOn: c.service_due_on,
              servedOn: null,
            })),
          applications: applications
            .filter((c) => c.agency_id === id)
            .map((c) => ({
              caseId: c.id,
              caseNumber: c.case_number,
              acceptanceDueOn: c.acceptance_due_on,
              acceptedOn: c.accepted_on,
              decidedOn: c.decided_on,
            })),
          entries: facts,
          audioVisualList: lists[i],
          brokenJournals: broken
            .filter((c) => c.agency_id === id)
            .map((c) => ({ caseId: c.id, caseNumber: c.case_number, category: c.category, detail: c.detail })),
          decisions: departed.filter((d) => d.agencyId === id),
          overturned: overturned.filter((o) => o.agencyId === id),
        });
      });
    }),
};
