import { maskText, PartyType } from '@tsp/shared';

/** 通报类型 Commendation or criticism, as supervision names them. */
export enum NoticeKind {
  COMMENDATION = 'COMMENDATION',
  CRITICISM = 'CRITICISM',
}

/**
 * 通报公示 A justice bureau's notice (通报, 行政执法监督条例 on publicising supervision results) is public only as
 * disclosure publishes it: every text through the same masking as the agencies' decisions (个人信息保护法 §§28-29,
 * 国办发〔2018〕118号), so an ID or phone number the bureau typed never goes public. A notice names agencies, not a
 * party: no party name to mask everywhere, the rest of the rules apply.
 */
export const publicNoticeText = (text: string): string => maskText(text, { partyType: PartyType.ORGANIZATION });

/** The copy disclosure keeps of a notice: its texts masked, the rest as supervision gave it. */
export function publicNotice<T extends { title: string; body: string; withdrawalReason: string | null }>(n: T): T {
  return {
    ...n,
    title: publicNoticeText(n.title),
    body: publicNoticeText(n.body),
    withdrawalReason: n.withdrawalReason === null ? null : publicNoticeText(n.withdrawalReason),
  };
}
