import { addCalendarDays, type Finding, FindingKind } from '@tsp/shared';

import { isResponseOverdue } from './instrument.js';
import { InstrumentKind, type InstrumentStatus } from './instrument-kinds.js';

/** What the finding needs to know about one instrument. */
export interface InstrumentFact {
  id: string;
  agencyId: string;
  kind: InstrumentKind;
  status: InstrumentStatus;
  dueOn: string;
  subject: string;
}

const NAMES: Record<InstrumentKind, string> = {
  [InstrumentKind.OPINION]: '监督意见书 supervision opinion',
  [InstrumentKind.DECISION]: '监督决定书 supervision decision',
};

/**
 * 监督文书逾期未回复 行政执法监督条例: the agency reports on what it did within the time the instrument set; an
 * instrument still waiting for it after the due day is a finding from the next day (Asia/Shanghai).
 */
export function instrumentFindings(facts: readonly InstrumentFact[], today: string): Finding[] {
  return facts
    .filter((i) => isResponseOverdue(i, today))
    .map((i) => ({
      kind: FindingKind.SUPERVISION_RESPONSE_OVERDUE,
      agency: { id: i.agencyId },
      subjectId: i.id,
      since: new Date(`${addCalendarDays(i.dueOn, 1)}T00:00:00+08:00`),
      detail: `${NAMES[i.kind]}「${i.subject}」应于 ${i.dueOn} 前回复 / the response was due by ${i.dueOn}`,
    }));
}
