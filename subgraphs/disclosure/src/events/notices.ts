import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent, SupervisionNoticeText } from '@tsp/shared';

import { publicNotice } from '../rules/notice.js';
import { recordProblem } from './problems.js';

export const NOTICE_PUBLISHED = 'SupervisionNoticePublished';
export const NOTICE_WITHDRAWN = 'SupervisionNoticeWithdrawn';

/** Asks supervision for a notice as written (its internal query); throwing retries the batch. */
export type NoticeTextSource = (id: string) => Promise<SupervisionNoticeText | null>;

/**
 * 通报公示 Publishes the masked copy of a bureau's notice, or marks it withdrawn. A notice comes once per agency it
 * names: the first event copies it, the others find it there. The text is asked of supervision (events carry none),
 * so a notice already withdrawn when its first event arrives is copied withdrawn and never shown.
 */
export async function onNoticeEvent(em: EntityManager, e: DomainEvent, text: NoticeTextSource): Promise<void> {
  if (e.type !== NOTICE_PUBLISHED && e.type !== NOTICE_WITHDRAWN) return;
  const rows: { withdrawn_at: Date | null }[] = await em.execute(
    `select withdrawn_at from disclosure.supervision_notice where id = ?`,
    [e.subjectId],
  );
  if (rows.length && (e.type === NOTICE_PUBLISHED || rows[0].withdrawn_at)) return;
  const written = await text(e.subjectId);
  if (!written) return recordProblem(em, e, `supervision does not know notice ${e.subjectId}`);
  if (written.region !== e.region)
    return recordProblem(em, e, `notice region ${written.region} differs from the event's ${e.region}`);
  const n = publicNotice(written);
  await em.execute(
    `insert into disclosure.supervision_notice
       (id, region, kind, title, body, agency_ids, published_at, withdrawn_at, withdrawal_reason)
     values (?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?)
     on conflict (id) do update set withdrawn_at = excluded.withdrawn_at, withdrawal_reason = excluded.withdrawal_reason`,
    [
      n.id,
      n.region,
      n.kind,
      n.title,
      n.body,
      `{${n.agencyIds.join(',')}}`,
      n.publishedAt,
      n.withdrawnAt,
      n.withdrawalReason,
    ],
  );
}
