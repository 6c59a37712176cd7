import { alignMany, alignOne, type Context } from '@tsp/shared';

import {
  AgencyEntity,
  CredentialEntity,
  CredentialStatusChangeEntity,
  OfficerEntity,
  OfficerTransferEntity,
  RectificationNoticeEntity,
} from '../entities/index.js';
import type { PersonnelFacts } from '../rules/findings.js';
import { OfficerRole } from '../rules/kinds.js';
import { reviewerStaffing, type Staffing } from '../rules/staffing.js';

/**
 * Each officer of the agencies (? 3) with their training hours between two days (? 1, ? 2), read per officer by index
 * (lateral): joined, the planner hashed the region's officers against a sequential scan of the province's every
 * training record (test/query-cost-province.test.ts holds the plan).
 */
export const OFFICER_TRAINING_HOURS_SQL = `select o.id, o.agency_id, o.name, coalesce(t.hours, 0) as hours
   from personnel.officer o
   cross join lateral (select sum(hours) as hours from personnel.training_record
                        where officer_id = o.id and day between ?::date and ?::date) t
  where o.agency_id = any(?::uuid[]) order by o.name, o.id`;

/** The credentials of each officer of the agencies (?), per officer by index, as OFFICER_TRAINING_HOURS_SQL. */
export const OFFICER_CREDENTIALS_SQL = `select o.agency_id, c.number, o.name,
        to_char(c.expires_on, 'YYYY-MM-DD') as expires_on, c.status
   from personnel.officer o
   cross join lateral (select * from personnel.credential where officer_id = o.id offset 0) c
  where o.agency_id = any(?::uuid[]) order by o.name, o.id, c.issued_on desc`;

/** Per-request batched reads: one statement per kind of read, whatever the list length. */
export const load = {
  agency: (ctx: Context) =>
    ctx.loaders.get<string, AgencyEntity | null>('agency', async (ids) =>
      alignOne(ids, await ctx.em.find(AgencyEntity, { id: { $in: [...ids] } }), (a) => a.id),
    ),

  officer: (ctx: Context) =>
    ctx.loaders.get<string, OfficerEntity | null>('officer', async (ids) =>
      alignOne(ids, await ctx.em.find(OfficerEntity, { id: { $in: [...ids] } }), (o) => o.id),
    ),

  officersOfAgency: (ctx: Context) =>
    ctx.loaders.get<string, OfficerEntity[]>('officersOfAgency', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(OfficerEntity, { agencyId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } }),
        (o) => o.agencyId,
      ),
    ),

  credentialsOfOfficer: (ctx: Context) =>
    ctx.loaders.get<string, CredentialEntity[]>('credentialsOfOfficer', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(CredentialEntity, { officerId: { $in: [...ids] } }, { orderBy: { issuedOn: 'desc' } }),
        (c) => c.officerId,
      ),
    ),

  /** 证件状态变更 Each credential's status history, oldest first. */
  credentialHistory: (ctx: Context) =>
    ctx.loaders.get<string, CredentialStatusChangeEntity[]>('credentialHistory', async (ids) => {
      const rows = await ctx.em.find(
        CredentialStatusChangeEntity,
        { credentialId: { $in: [...ids] } },
        { orderBy: { at: 'asc' } },
      );
      return ids.map((id) => rows.filter((r) => r.credentialId === id));
    }),

  /** 整改通知 Each agency's notices, newest first. */
  noticesOfAgency: (ctx: Context) =>
    ctx.loaders.get<string, RectificationNoticeEntity[]>('noticesOfAgency', async (ids) => {
      const all = await ctx.em.find(
        RectificationNoticeEntity,
        { agencyId: { $in: [...ids] } },
        { orderBy: { issuedAt: 'desc' } },
      );
      return ids.map((id) => all.filter((n) => n.agencyId === id));
    }),

  /** 调动记录 Each officer's transfers in the order they took effect (and were recorded, for one day). */
  transfersOfOfficer: (ctx: Context) =>
    ctx.loaders.get<string, OfficerTransferEntity[]>('transfersOfOfficer', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(
          OfficerTransferEntity,
          { officerId: { $in: [...ids] } },
          { orderBy: { effectiveOn: 'asc', at: 'asc' } },
        ),
        (t) => t.officerId,
      ),
    ),

  staffing: (ctx: Context) =>
    ctx.loaders.get<string, Staffing>('staffing', async (ids) => {
      const rows: { agency_id: string; enforcement: string; reviewers: string }[] = await ctx.em.execute(
        `select agency_id,
                count(*) filter (where ? = any(roles)) as enforcement,
                count(*) filter (where ? = any(roles)) as reviewers
           from personnel.officer where agency_id = any(?::uuid[]) group by agency_id`,
        [OfficerRole.ENFORCEMENT, OfficerRole.LEGAL_REVIEWER, `{${ids.join(',')}}`],
      );
      const m = new Map(rows.map((r) => [r.agency_id, reviewerStaffing(Number(r.enforcement), Number(r.reviewers))]));
      return ids.map((id) => m.get(id) ?? reviewerStaffing(0, 0));
    }),

  trainingHours: (ctx: Context, year: number) =>
    ctx.loaders.get<string, number>(`trainingHours:${year}`, async (ids) => {
      const rows: { officer_id: string; hours: string }[] = await ctx.em.execute(
        `select officer_id, sum(hours) as hours from personnel.training_record
          where officer_id = any(?::uuid[]) and day between ?::date and ?::date group by officer_id`,
        [`{${ids.join(',')}}`, `${year}-01-01`, `${year}-12-31`],
      );
      const m = new Map(rows.map((r) => [r.officer_id, Number(r.hours)]));
      return ids.map((id) => m.get(id) ?? 0);
    }),

  /**
   * The facts personnelFindings needs for each agency, as plain rows in two statements: the all-findings
   * query reads them for every agency of a region, where loading officers and credentials as entities cost
   * most of personnel's time.
   */
  findingFacts: (ctx: Context, lastYear: number) =>
    ctx.loaders.get<string, Pick<PersonnelFacts, 'credentials' | 'officers'>>(
      `findingFacts:${lastYear}`,
      async (ids) => {
        const agencies = `{${ids.join(',')}}`;
        const [officers, credentials] = await Promise.all([
          ctx.em.execute<{ id: string; agency_id: string; name: string; hours: string }[]>(OFFICER_TRAINING_HOURS_SQL, [
            `${lastYear}-01-01`,
            `${lastYear}-12-31`,
            agencies,
          ]),
          ctx.em.execute<
            {
              agency_id: string;
              number: string;
              name: string;
              expires_on: string;
              status: PersonnelFacts['credentials'][number]['status'];
            }[]
          >(OFFICER_CREDENTIALS_SQL, [agencies]),
        ]);
        return ids.map((id) => ({
          officers: officers
            .filter((o) => o.agency_id === id)
            .map((o) => ({ id: o.id, name: o.name, trainingHoursLastYear: Number(o.hours) })),
          credentials: credentials
            .filter((c) => c.agency_id === id)
            .map((c) => ({ number: c.number, officerName: c.name, expiresOn: c.expires_on, status: c.status })),
        }));
      },
    ),
};
