import {
  badInput,
  type Context,
  type EnforcementCategory,
  isUuid,
  requireDate,
  requireService,
  requireText,
} from '@tsp/shared';

/** 已归档案件 What supervision's case-file evaluation samples from. */
export interface ArchivedCaseRow {
  id: string;
  agencyId: string;
  caseNumber: string;
  category: EnforcementCategory;
  archivedOn: string;
}

/**
 * The cases of a region (or of some of its agencies) archived between two days inclusive (Asia/Shanghai), legacy
 * imports included: the day of the first ARCHIVED entry. One statement; service callers only.
 */
const ARCHIVED = `
  select c.id, c.agency_id as "agencyId", c.case_number as "caseNumber", c.category,
         to_char(a.archived_on, 'YYYY-MM-DD') as "archivedOn"
    from records.enforcement_case c
    join lateral (
      select (min(e.occurred_at) at time zone 'Asia/Shanghai')::date as archived_on
        from records.record_entry e
       where e.case_id = c.id and e.stage = 'ARCHIVED') a on true
   where c.stage = 'ARCHIVED' and c.region = ? and (?::uuid[] is null or c.agency_id = any(?::uuid[]))
     and a.archived_on between ?::date and ?::date
   order by c.agency_id, c.id`;

export async function archivedCases(
  ctx: Context,
  p: { region: string; agencyIds?: readonly string[] | null; from: string; to: string },
): Promise<ArchivedCaseRow[]> {
  requireService(ctx.identity);
  const region = requireText('region', p.region, 100);
  const [from, to] = [requireDate('from', p.from), requireDate('to', p.to)];
  if (p.agencyIds?.some((id) => !isUuid(id))) throw badInput('agencyIds', 'not an id');
  const ids = p.agencyIds ? `{${p.agencyIds.map((i) => i.toLowerCase()).join(',')}}` : null;
  return ctx.em.execute<ArchivedCaseRow[]>(ARCHIVED, [region, ids, ids, from, to]);
}
