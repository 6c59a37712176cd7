import DataLoader from 'dataloader';

import { config } from '../config.js';
import { databaseUnavailable, isDatabaseUnreachable } from '../db/outage.js';
import { AppError } from '../errors.js';
import { isUuid } from '../validate.js';
import { AGENCY_ROLES, type Identity } from './roles.js';

/**
 * Where officers belong now: officer id → current agency id. An id missing from the answer is not a
 * registered officer. Personnel reads its own table; the other subgraphs ask personnel.
 */
export type OfficerAgencySource = (officerIds: string[]) => Promise<ReadonlyMap<string, string>>;

/** How long an answer is trusted: a transfer takes effect everywhere within this time. */
const cacheMs = (): number => config().OFFICER_AGENCY_CACHE_MS;

/** Forgotten entries are dropped once the cache holds this many, so it cannot grow without bound. */
const PRUNE_AT = 10_000;

export const staleAgencyToken = () =>
  new AppError(
    'UNAUTHENTICATED',
    'token issued before a transfer: the officer now belongs to another agency; sign in again for a new token / 调动后请重新登录',
    { reason: 'OFFICER_TRANSFERRED' },
  );

export const agencyUnconfirmed = (cause?: unknown) =>
  new AppError(
    'DEPENDENCY_UNAVAILABLE',
    "personnel did not answer, so the officer's current agency cannot be confirmed; the request was refused / 人员服务不可用，无法核实所属机关",
    // Only a refusal's own message and reason (TIMEOUT, UNREACHABLE…) are passed on: a database error's text is not
    // for clients.
    {
      service: 'personnel',
      cause: cause instanceof AppError ? cause.message : undefined,
      reason: cause instanceof AppError ? cause.extensions.reason : undefined,
    },
  );

/**
 * A token names its agency, but an officer can be transferred while it is still valid. Every
 * subgraph runs this check on each request (context creation and the blob routes), so no path
 * reads or writes for an agency the officer has left.
 *
 * - Only agency-role tokens whose `sub` is a registered officer are checked; other subs (service
 *   accounts, tests, an AGENCY_HEAD account not kept as an officer) are not officers to move.
 * - Answers are cached per process for OFFICER_AGENCY_CACHE_MS (5 s), and concurrent lookups are
 *   batched into one, so the check costs one statement per officer per window, not per request.
 * - A mismatch is confirmed against the source before refusing: a fresh token for the new agency
 *   works at once; only the stale token pays the extra lookup.
 * - If the source fails, agency-role requests are refused (DEPENDENCY_UNAVAILABLE), as every
 *   cross-subgraph rule fails closed; accepting would reopen the gap exactly while personnel is down.
 *   A cached answer inside its window is still used.
 */
export class CurrentAgencies {
  private readonly cache = new Map<string, { agencyId: string | null; at: number }>();
  private readonly inFlight = new Map<string, Promise<string | null>>();
  private readonly loader: DataLoader<string, string | null>;

  constructor(source: OfficerAgencySource) {
    // No DataLoader cache (this class keeps its own, with a time limit); only batching per tick.
    this.loader = new DataLoader(
      async (ids) => {
        const found = await source([...new Set(ids)]);
        return ids.map((id) => found.get(id) ?? null);
      },
      { cache: false },
    );
  }

  /** Refuses an agency-role token whose officer now belongs to another agency than the token names. */
  async check(identity: Identity): Promise<void> {
    if (!identity.role || !AGENCY_ROLES.includes(identity.role) || !identity.sub || !isUuid(identity.sub)) return;
    const officerId = identity.sub.toLowerCase();
    try {
      let current = await this.agencyOf(officerId, false);
      if (current !== null && current !== identity.agencyId) current = await this.agencyOf(officerId, true);
      if (current !== null && current !== identity.agencyId) throw staleAgencyToken();
    } catch (e) {
      if (e instanceof AppError && e.code === 'UNAUTHENTICATED') throw e;
      // Personnel answered but its database did not (its own table here, or named in its answer): blame that.
      if (isDatabaseUnreachable(e)) throw databaseUnavailable('personnel');
      if (e instanceof AppError && String(e.extensions.service ?? '').endsWith(' database')) throw e;
      throw agencyUnconfirmed(e);
    }
  }

  private async agencyOf(officerId: string, fresh: boolean): Promise<string | null> {
    const hit = this.cache.get(officerId);
    if (!fresh && hit && Date.now() - hit.at < cacheMs()) return hit.agencyId;
    const waiting = fresh ? undefined : this.inFlight.get(officerId);
    if (waiting) return waiting;
    const at = Date.now();
    const lookup = this.loader.load(officerId).then((agencyId) => {
      this.remember(officerId, agencyId, at);
      return agencyId;
    });
    if (!fresh) {
      this.inFlight.set(officerId, lookup);
      void lookup.finally(() => this.inFlight.delete(officerId)).catch(() => undefined);
    }
    return lookup;
  }

  private remember(officerId: string, agencyId: string | null, at: number): void {
    const known = this.cache.get(officerId);
    if (known && known.at > at) return; // a later lookup already answered
    if (this.cache.size >= PRUNE_AT) {
      const limit = Date.now() - cacheMs();
      for (const [id, e] of this.cache) if (e.at < limit) this.cache.delete(id);
    }
    this.cache.set(officerId, { agencyId, at });
  }
}
