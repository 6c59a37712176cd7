import type { Context } from '@tsp/shared';

import type { OfficerEntity } from '../entities/index.js';
import { type Assignment, assignmentHistory, registeredOn } from '../rules/transfer.js';
import { load } from './loaders.js';

/** 任职经历 The officer's assignments, oldest first, the current one marked. */
export async function officerAssignments(
  ctx: Context,
  o: OfficerEntity,
): Promise<(Assignment & { current: boolean })[]> {
  const transfers = await load.transfersOfOfficer(ctx).load(o.id);
  return assignmentHistory(registeredOn(o), o.agencyId, transfers).map((a) => ({ ...a, current: a.to === null }));
}
