import { openSealed, sealSecret, WebhookSecretUnreadableError } from './secret-box.js';
import type { WebhookSecretKeys } from './secret-key.js';

/** One PostgreSQL connection (a pg Client or PoolClient): the rotation's transaction must stay on it. */
export interface SqlConnection {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: R[] }>;
}

export interface RotationProgress {
  phase: 'check' | 'reseal';
  done: number;
  total: number;
}

export interface RotationReport {
  /** Endpoints looked at (every row, active or not). */
  total: number;
  /** Already sealed under the current key: left as they are. */
  alreadyCurrent: number;
  /** Sealed under the previous key: re-sealed under the current one (or would be, on a dry run or a refusal). */
  underPrevious: number;
  /** Endpoints whose secret opens with neither key: while any exist, nothing is written. */
  unreadable: { id: string; why: string }[];
  /** Rows actually rewritten: `underPrevious` when committed, else 0. */
  resealed: number;
}

/**
 * Re-seals every webhook secret under the current key, so WEBHOOK_SECRET_KEY_PREVIOUS can be unset.
 * One transaction holding every endpoint row FOR UPDATE: a delivering instance (which claims rows
 * FOR UPDATE SKIP LOCKED) skips them for that moment rather than reading a half-rotated table, and
 * the rows cannot change between check and write. All or nothing: if any secret opens with neither
 * key the transaction is rolled back — re-sealing the rest would still leave that endpoint unable to
 * sign, and the operator must decide about it (fix the key, or have the integrator re-register).
 * Idempotent: rows already under the current key are not rewritten.
 */
export async function rotateWebhookSecrets(
  db: SqlConnection,
  keys: WebhookSecretKeys,
  opts: { dryRun?: boolean; onProgress?: (p: RotationProgress) => void } = {},
): Promise<RotationReport> {
  await db.query('begin');
  try {
    const { rows } = await db.query<{ id: string; secret_sealed: Buffer }>(
      `select id, secret_sealed from review.webhook_endpoint order by id for update`,
    );
    const report: RotationReport = {
      total: rows.length,
      alreadyCurrent: 0,
      underPrevious: 0,
      unreadable: [],
      resealed: 0,
    };
    const toReseal: { id: string; sealed: Buffer }[] = [];
    for (const [i, r] of rows.entries()) {
      try {
        const { secret, openedWith } = openSealed(r.id, r.secret_sealed, keys);
        if (openedWith === 'current') report.alreadyCurrent++;
        else toReseal.push({ id: r.id, sealed: sealSecret(r.id, secret, keys.current) });
      } catch (e) {
        if (!(e instanceof WebhookSecretUnreadableError)) throw e;
        report.unreadable.push({ id: r.id, why: e.message });
      }
      opts.onProgress?.({ phase: 'check', done: i + 1, total: rows.length });
    }
    report.underPrevious = toReseal.length;
    if (report.unreadable.length > 0 || opts.dryRun) {
      await db.query('rollback');
      return report;
    }
    for (const [i, r] of toReseal.entries()) {
      await db.query(`update review.webhook_endpoint set secret_sealed = $1 where id = $2`, [r.sealed, r.id]);
      opts.onProgress?.({ phase: 'reseal', done: i + 1, total: toReseal.length });
    }
    await db.query('commit');
    report.resealed = toReseal.length;
    return report;
  } catch (e) {
    await db.query('rollback').catch(() => undefined);
    throw e;
  }
}
