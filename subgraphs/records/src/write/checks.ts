import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type EnforcementCategory, shanghaiDate } from '@tsp/shared';

import { credentialChecks } from '../clients/personnel.js';
import { AudioVisualListEntity } from '../entities/index.js';
import { audioVisualProblem, DEFAULT_AUDIO_VISUAL_LIST } from '../rules/audio-visual.js';
import { type CredentialProblem, credentialProblems, describeCredentialProblems } from '../rules/credentials.js';
import type { CaseStage, RecordActivity } from '../rules/kinds.js';
import { twoOfficersProblem } from '../rules/on-site.js';
import { stageProblem } from '../rules/stages.js';
import type { EntryDraft } from './drafts.js';

/** The write-time rules as errors with their documented codes. Local rules run before any remote call. */

export function assertStage(
  c: { category: EnforcementCategory; stage: CaseStage },
  target: CaseStage,
  activity?: RecordActivity,
): void {
  const p = stageProblem(c.category, c.stage, target, activity);
  if (p) throw new AppError('STAGE_ORDER', `stage: ${p}`, { field: 'stage', current: c.stage, requested: target });
}

export async function audioVisualList(em: EntityManager, agencyId: string): Promise<readonly RecordActivity[]> {
  const row = await em.findOne(AudioVisualListEntity, { agencyId });
  return row?.activities ?? DEFAULT_AUDIO_VISUAL_LIST;
}

export async function assertLocalEntryRules(em: EntityManager, agencyId: string, d: EntryDraft): Promise<void> {
  const two = twoOfficersProblem(d.activity, d.officerIds);
  if (two) throw new AppError('TWO_OFFICERS_REQUIRED', `officerIds: ${two}`, { field: 'officerIds' });
  const av = audioVisualProblem(d, await audioVisualList(em, agencyId));
  if (av) throw new AppError('AUDIO_VISUAL_REQUIRED', `attachments: ${av}`, { field: 'attachments' });
}

/** Problems for these officers acting on `when` (personnel answers; DEPENDENCY_UNAVAILABLE if it cannot). */
export async function findCredentialProblems(
  officerIds: string[],
  c: { agencyId: string; category: EnforcementCategory; region: string },
  when: Date | string,
): Promise<CredentialProblem[]> {
  const day = typeof when === 'string' ? when : shanghaiDate(when);
  const checks = await credentialChecks(officerIds, c.category, c.region, day);
  return credentialProblems(officerIds, checks, c.agencyId);
}

export async function assertCredentials(
  field: string,
  officerIds: string[],
  c: { agencyId: string; category: EnforcementCategory; region: string },
  when: Date | string,
): Promise<void> {
  const problems = await findCredentialProblems(officerIds, c, when);
  if (problems.length)
    throw new AppError(
      'CREDENTIAL_INVALID',
      `${field}: ${describeCredentialProblems(problems)} / 执法人员须持有效执法证件`,
      {
        field,
        officers: problems.map((p) => ({ officerId: p.officerId, name: p.officerName, reason: p.reason })),
      },
    );
}
