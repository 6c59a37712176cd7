import { canRead, type Context, type Finding } from '@tsp/shared';

import { instrumentFindings } from '../rules/instrument-findings.js';
import type { InstrumentKind, InstrumentStatus } from '../rules/instrument-kinds.js';

interface Row {
  id: string;
  agency_id: string;
  region: string;
  kind: InstrumentKind;
  status: InstrumentStatus;
  due_on: string;
  subject: string;
}

/** Instruments waiting for their agency's response, of several agencies: one statement. */
const WAITING = `
  select i.id, i.agency_id, i.region, i.kind, i.status, to_char(i.due_on, 'YYYY-MM-DD') as due_on, i.subject
    from supervision.supervision_instrument i
   where i.agency_id = any(?::uuid[]) and i.status = 'ISSUED'
   order by i.issued_at, i.id`;

/** 监督文书逾期未回复 SUPERVISION_RESPONSE_OVERDUE findings of these agencies that the caller may read. */
export async function instrumentResponseFindings(
  ctx: Context,
  agencyIds: readonly string[],
  today: string,
): Promise<Finding[]> {
  const rows = (await ctx.em.execute<Row[]>(WAITING, [`{${agencyIds.join(',')}}`])).filter((r) =>
    canRead(ctx.identity, { agencyId: r.agency_id, region: r.region }),
  );
  return instrumentFindings(
    rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      kind: r.kind,
      status: r.status,
      dueOn: r.due_on,
      subject: r.subject,
    })),
    today,
  );
}
