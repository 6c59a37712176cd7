import { AppError } from '@tsp/shared';

/** An inspection that cannot take this step now (its status or window). */
export const stateError = (i: { id: string; status: string }, why: string) =>
  new AppError('INSPECTION_STATE', why, { id: i.id, status: i.status });
