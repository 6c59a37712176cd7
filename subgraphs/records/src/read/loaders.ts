import { alignMany, alignOne, type Context } from '@tsp/shared';

import {
  AttachmentEntity,
  AudioVisualListEntity,
  CaseEntity,
  CaseFileRequirementEntity,
  DeadlineExtensionEntity,
  DecisionEntity,
  RecordEntryEntity,
} from '../entities/index.js';

/** Per-request batched reads: one statement per kind of read, whatever the list length. */
export const load = {
  case: (ctx: Context) =>
    ctx.loaders.get<string, CaseEntity | null>('case', async (ids) =>
      alignOne(ids, await ctx.em.find(CaseEntity, { id: { $in: [...ids] } }), (c) => c.id),
    ),

  entriesOfCase: (ctx: Context) =>
    ctx.loaders.get<string, RecordEntryEntity[]>('entriesOfCase', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(
          RecordEntryEntity,
          { caseId: { $in: [...ids] } },
          { orderBy: { caseId: 'asc', sequence: 'asc' } },
        ),
        (e) => e.caseId,
      ),
    ),

  entry: (ctx: Context) =>
    ctx.loaders.get<string, RecordEntryEntity | null>('entry', async (ids) =>
      alignOne(ids, await ctx.em.find(RecordEntryEntity, { id: { $in: [...ids] } }), (e) => e.id),
    ),

  attachmentsOfEntry: (ctx: Context) =>
    ctx.loaders.get<string, AttachmentEntity[]>('attachmentsOfEntry', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(
          AttachmentEntity,
          { entryId: { $in: [...ids] } },
          { orderBy: { entryId: 'asc', position: 'asc' } },
        ),
        (a) => a.entryId,
      ),
    ),

  decision: (ctx: Context) =>
    ctx.loaders.get<string, DecisionEntity | null>('decision', async (ids) =>
      alignOne(ids, await ctx.em.find(DecisionEntity, { caseId: { $in: [...ids] } }), (d) => d.caseId),
    ),

  extensions: (ctx: Context) =>
    ctx.loaders.get<string, DeadlineExtensionEntity[]>('extensions', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(DeadlineExtensionEntity, { caseId: { $in: [...ids] } }, { orderBy: { at: 'asc' } }),
        (x) => x.caseId,
      ),
    ),

  audioVisualList: (ctx: Context) =>
    ctx.loaders.get<string, AudioVisualListEntity | null>('audioVisualList', async (ids) =>
      alignOne(ids, await ctx.em.find(AudioVisualListEntity, { agencyId: { $in: [...ids] } }), (x) => x.agencyId),
    ),

  caseFileRequirements: (ctx: Context) =>
    ctx.loaders.get<string, CaseFileRequirementEntity[]>('caseFileRequirements', async (ids) =>
      alignMany(ids, await ctx.em.find(CaseFileRequirementEntity, { agencyId: { $in: [...ids] } }), (x) => x.agencyId),
    ),
};
