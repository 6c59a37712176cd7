import {
  assertCanWrite,
  badInput,
  type Context,
  notFound,
  requireDate,
  requireId,
  requireText,
  Role,
  shanghaiDate,
} from '@tsp/shared';

import { TrainingRecordEntity } from '../entities/index.js';
import { load } from '../read/loaders.js';
import { trainingDayProblem, trainingHoursProblem } from '../rules/training.js';

export interface RecordTrainingInputLike {
  officerId: string;
  day: string;
  hours: number;
  topic: string;
}

/** 登记培训学时 Records an officer's training (ADMIN, or AGENCY_HEAD of the agency); returns that year's total. */
export async function recordTraining(ctx: Context, input: RecordTrainingInputLike): Promise<number> {
  const o = await load.officer(ctx).load(requireId('officer', input.officerId));
  if (!o) throw notFound('officer', input.officerId);
  assertCanWrite(ctx.identity, o.agencyId, [Role.ADMIN, Role.AGENCY_HEAD]);
  const hoursProblem = trainingHoursProblem(input.hours);
  if (hoursProblem) throw badInput('hours', hoursProblem);
  const day = requireDate('day', input.day);
  const dayProblem = trainingDayProblem(day, shanghaiDate());
  if (dayProblem) throw badInput('day', dayProblem);
  ctx.em.create(TrainingRecordEntity, {
    officerId: o.id,
    day,
    hours: input.hours.toFixed(1),
    topic: requireText('topic', input.topic, 200),
    recordedBy: ctx.identity.sub!,
  });
  await ctx.em.flush();
  const [r]: { total: string | null }[] = await ctx.em.execute(
    `select sum(hours) as total from personnel.training_record where officer_id = ? and extract(year from day) = ?`,
    [o.id, Number(day.slice(0, 4))],
  );
  return Number(r.total ?? 0);
}
