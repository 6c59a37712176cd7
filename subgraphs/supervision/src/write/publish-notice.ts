import { badInput, type Context, forbidden, requireId, requireText, requireUser, Role } from '@tsp/shared';

import { agencyFacts } from '../clients/personnel.js';
import { SupervisionNoticeEntity } from '../entities/index.js';
import { publishNoticeEvent } from '../events/instrument-events.js';
import type { NoticeKind } from '../rules/instrument-kinds.js';
import { NOTICE_LIMITS } from '../rules/notice.js';
import { isBureauOf } from './access.js';

export interface PublishNotice {
  title: string;
  body: string;
  agencyIds: string[];
  kind: NoticeKind;
}

/**
 * 通报 The bureau publishes a notice naming agencies of its region (ADMIN: of any one region). The event makes
 * disclosure publish its masked copy in that region's public list. Agencies are asked of personnel (failing closed).
 */
export async function publishSupervisionNotice(ctx: Context, input: PublishNotice): Promise<SupervisionNoticeEntity> {
  requireUser(ctx.identity);
  if (ctx.identity.role !== Role.SUPERVISOR && ctx.identity.role !== Role.ADMIN)
    throw forbidden('only the justice bureau (司法局) may publish notices / 仅司法行政部门可以通报');
  const title = requireText('title', input.title, NOTICE_LIMITS.title);
  const body = requireText('body', input.body, NOTICE_LIMITS.body);
  const ids = input.agencyIds ?? [];
  if (!ids.length || ids.length > NOTICE_LIMITS.agencies) throw badInput('agencyIds', `1…${NOTICE_LIMITS.agencies}`);
  const agencyIds = [
    ...new Set(
      ids.map((id, i) => {
        try {
          return requireId('agency', id);
        } catch {
          throw badInput(`agencyIds.${i}`, 'not an id');
        }
      }),
    ),
  ];
  const known = await agencyFacts(agencyIds);
  const missing = agencyIds.filter((id) => !known.some((a) => a.id === id));
  if (missing.length) throw badInput('agencyIds', `no such agency: ${missing.join(', ')}`);
  const regions = [...new Set(known.map((a) => a.region))];
  if (regions.length > 1) throw badInput('agencyIds', 'the agencies of one notice are of one region');
  const region = regions[0];
  if (!isBureauOf(ctx.identity, { region })) throw forbidden('these agencies are outside your region / 不在监督区域内');
  const publishedBy = ctx.identity.sub ?? '';
  return ctx.em.transactional(async (tx) => {
    const n = tx.create(SupervisionNoticeEntity, { region, kind: input.kind, title, body, agencyIds, publishedBy });
    await tx.flush();
    await publishNoticeEvent(tx, 'SupervisionNoticePublished', n);
    return n;
  });
}
