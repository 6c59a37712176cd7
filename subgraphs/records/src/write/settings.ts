import {
  assertCanWrite,
  badInput,
  type Context,
  type EnforcementCategory,
  requireId,
  requireText,
  Role,
} from '@tsp/shared';

import { AudioVisualListEntity, CaseFileRequirementEntity, ProcedureSettingsEntity } from '../entities/index.js';
import type { RecordActivity } from '../rules/kinds.js';
import { statementPeriodProblem } from '../rules/procedure.js';

const SETTERS = [Role.AGENCY_HEAD, Role.ADMIN];

/** 音像记录事项清单 Replaces the agency's audio-visual list (agency head or admin). */
export async function setAudioVisualList(
  ctx: Context,
  agencyIdIn: string,
  activities: RecordActivity[],
): Promise<RecordActivity[]> {
  const agencyId = requireId('agency', agencyIdIn);
  assertCanWrite(ctx.identity, agencyId, SETTERS);
  const list = [...new Set(activities)];
  await ctx.em.upsert(AudioVisualListEntity, {
    agencyId,
    activities: list,
    updatedBy: ctx.identity.sub!,
    updatedAt: new Date(),
  });
  return list;
}

/** 案卷标准 Replaces the documents a case file of this category must hold before archiving. */
export async function setCaseFileRequirements(
  ctx: Context,
  agencyIdIn: string,
  category: EnforcementCategory,
  documents: string[],
): Promise<string[]> {
  const agencyId = requireId('agency', agencyIdIn);
  assertCanWrite(ctx.identity, agencyId, SETTERS);
  if (documents.length > 50) throw badInput('documents', 'at most 50 documents');
  const list = [...new Set(documents.map((d, i) => requireText(`documents[${i}]`, d, 100)))];
  await ctx.em.upsert(CaseFileRequirementEntity, {
    agencyId,
    category,
    documents: list,
    updatedBy: ctx.identity.sub!,
    updatedAt: new Date(),
  });
  return list;
}

/** 陈述申辩期限 Sets the agency's statement-and-defence period; notices served from now on carry it. */
export async function setStatementPeriod(ctx: Context, agencyIdIn: string, workingDays: number): Promise<number> {
  const agencyId = requireId('agency', agencyIdIn);
  assertCanWrite(ctx.identity, agencyId, SETTERS);
  const p = statementPeriodProblem(workingDays);
  if (p) throw badInput('statementWorkingDays', p);
  await ctx.em.upsert(ProcedureSettingsEntity, {
    agencyId,
    statementWorkingDays: workingDays,
    updatedBy: ctx.identity.sub!,
    updatedAt: new Date(),
  });
  return workingDays;
}
