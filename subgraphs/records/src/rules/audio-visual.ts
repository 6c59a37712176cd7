import { type AttachmentFacts, AttachmentKind, RecordActivity } from './kinds.js';

/**
 * 音像记录事项清单 Default list of activities that must be recorded on audio or video: those 国办发〔2018〕118号
 * names as prone to dispute (现场检查、随机抽查、调查取证、证据保全、听证、行政强制、送达), under 行政处罚法 §47
 * (全过程记录); each agency may configure its own.
 */
export const DEFAULT_AUDIO_VISUAL_LIST: readonly RecordActivity[] = [
  RecordActivity.ON_SITE_INSPECTION,
  RecordActivity.RANDOM_INSPECTION,
  RecordActivity.EVIDENCE_COLLECTION,
  RecordActivity.EVIDENCE_PRESERVATION,
  RecordActivity.HEARING,
  RecordActivity.COERCIVE_MEASURE,
  RecordActivity.SERVICE_BY_POSTING,
  RecordActivity.SERVICE_BY_RETENTION,
];

const AV: ReadonlySet<AttachmentKind> = new Set([AttachmentKind.AUDIO, AttachmentKind.VIDEO]);

/**
 * 音像记录 An activity on the agency's list needs an AUDIO or VIDEO attachment; an on-site action
 * that directly affects personal liberty, life and health or major property needs one that
 * covers the whole process (全过程音像记录). Returns why not, or null.
 */
export function audioVisualProblem(
  e: { activity: RecordActivity; affectsLibertyOrProperty: boolean; attachments: readonly AttachmentFacts[] },
  list: readonly RecordActivity[],
): string | null {
  const av = e.attachments.filter((a) => AV.has(a.kind));
  if (e.affectsLibertyOrProperty && !av.some((a) => a.fullProcess))
    return `${e.activity} affects personal liberty, life and health or major property: attach an AUDIO or VIDEO record marked fullProcess / 涉及人身自由、生命健康、重大财产权益的现场执法须全过程音像记录`;
  if (list.includes(e.activity) && av.length === 0)
    return `${e.activity} is on the agency's audio-visual list: attach an AUDIO or VIDEO record / 该执法活动列入音像记录事项清单，须有录音或录像`;
  return null;
}
