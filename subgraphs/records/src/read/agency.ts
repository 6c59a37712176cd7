import { type Context, EnforcementCategory, type Finding, requireFindingsCaller } from '@tsp/shared';

import { DEFAULT_AUDIO_VISUAL_LIST } from '../rules/audio-visual.js';
import { DEFAULT_CASE_FILE_REQUIREMENTS } from '../rules/case-file.js';
import type { RecordActivity } from '../rules/kinds.js';
import { mayRead } from './access.js';
import { agencyLoad } from './agency-loaders.js';
import { load } from './loaders.js';

/** 案件数 The agency's case count for callers who may read its cases; 0 when it has none; null for the public. */
export async function agencyCaseCount(ctx: Context, agencyId: string): Promise<number | null> {
  const r = await agencyLoad.caseCount(ctx).load(agencyId);
  if (r === null) return ctx.identity.role ? 0 : null;
  return mayRead(ctx, { agencyId, region: r.region }) ? r.n : null;
}

/** 记录监督发现 Refused for the public; empty for callers outside the agency's scope. */
export function agencyRecordFindings(ctx: Context, agencyId: string): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  return agencyLoad.findings(ctx).load(agencyId);
}

/** 音像记录事项清单 The agency's own list, else the default (public). */
export async function agencyAudioVisualList(ctx: Context, agencyId: string): Promise<readonly RecordActivity[]> {
  return (await load.audioVisualList(ctx).load(agencyId))?.activities ?? DEFAULT_AUDIO_VISUAL_LIST;
}

/** 案卷标准 Per category, the agency's own documents or the default (public). */
export async function agencyCaseFileRequirements(ctx: Context, agencyId: string) {
  const own = await load.caseFileRequirements(ctx).load(agencyId);
  return Object.values(EnforcementCategory).map((category) => {
    const row = own.find((r) => r.category === category);
    return { category, documents: [...(row?.documents ?? DEFAULT_CASE_FILE_REQUIREMENTS[category])], isDefault: !row };
  });
}
