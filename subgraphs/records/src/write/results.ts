import type { Context } from '@tsp/shared';
import { CaseEntity, RecordEntryEntity } from '../entities/index.js';

/** Results of earlier writes, reloaded when an Idempotency-Key repeats. */
export const caseById = (ctx: Context, id: string): Promise<CaseEntity> => ctx.em.findOneOrFail(CaseEntity, { id });
export const entryById = (ctx: Context, id: string): Promise<RecordEntryEntity> => ctx.em.findOneOrFail(RecordEntryEntity, { id });
