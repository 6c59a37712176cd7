import type { RequestHandler } from 'express';
import { READY_CHECK_TIMEOUT_MS, SUBGRAPHS, logger, type SubgraphName } from '@tsp/shared';

const log = logger('gateway');

interface SubgraphReadiness {
  ready: boolean;
  /** What the subgraph names as failing, or that it did not answer its /ready. */
  failing: string[];
}

async function askReady(url: string): Promise<SubgraphReadiness> {
  try {
    // 1 s longer than the subgraph's own database check, so its 503 naming the database arrives first.
    const r = await fetch(url.replace(/\/graphql$/, '/ready'), {
      signal: AbortSignal.timeout(READY_CHECK_TIMEOUT_MS + 1000),
    });
    const body = (await r.json().catch(() => ({}))) as { failing?: unknown };
    const failing = Array.isArray(body.failing) ? body.failing.map(String) : [];
    if (r.ok) return { ready: true, failing: [] };
    return { ready: false, failing: failing.length ? failing : [`HTTP ${r.status}`] };
  } catch {
    return { ready: false, failing: ['did not answer'] };
  }
}

/**
 * GET /ready of the gateway: every subgraph's /ready, asked in parallel (4 s each). 200 when all are
 * ready; else 503 with `failing` naming the subgraphs that are not, and `subgraphs` what each names.
 */
export function gatewayReadiness(urls: Record<SubgraphName, string>): RequestHandler {
  let wasReady = true;
  return async (_req, res) => {
    const checks = await Promise.all(SUBGRAPHS.map(async (n) => [n, await askReady(urls[n])] as const));
    const notReady = checks.filter(([, c]) => !c.ready);
    const failing = notReady.map(([n]) => n);
    const ready = failing.length === 0;
    if (ready && !wasReady) log.info('ready again');
    if (!ready && wasReady)
      log.warn({ failing: notReady.map(([n, c]) => `${n}: ${c.failing.join(', ')}`) }, 'not ready');
    wasReady = ready;
    res.status(ready ? 200 : 503).json({ ready, service: 'gateway', failing, subgraphs: Object.fromEntries(checks) });
  };
}
