import {
  hasInternalSecret,
  hasMetricsSecret,
  logger,
  READY_CHECK_TIMEOUT_MS,
  singleFlight,
  type SubgraphName,
  SUBGRAPHS,
} from '@tsp/shared';
import type { RequestHandler } from 'express';

const log = logger('gateway');
/** How long one aggregated answer serves every /ready request: probes cannot fan out per anonymous GET. */
const CACHE_MS = 1000;

interface SubgraphReadiness {
  ready: boolean;
  /** What the subgraph names as failing, or that it did not answer its /ready. */
  failing: string[];
}
interface GatewayReadiness {
  ready: boolean;
  failing: SubgraphName[];
  subgraphs: Record<SubgraphName, SubgraphReadiness>;
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
 * ready; else 503 with `failing` naming the subgraphs that are not. The route is public, so only
 * subgraph names go out; what each subgraph names (databases, workers) is added under `subgraphs`
 * for a caller with the internal secret or the metrics token. One check runs at a time and its answer
 * serves for 1 s.
 */
export function gatewayReadiness(urls: Record<SubgraphName, string>): RequestHandler {
  let wasReady = true;
  let cached: { at: number; result: GatewayReadiness } | undefined;

  async function check(): Promise<GatewayReadiness> {
    const checks = await Promise.all(SUBGRAPHS.map(async (n) => [n, await askReady(urls[n])] as const));
    const notReady = checks.filter(([, c]) => !c.ready);
    const failing = notReady.map(([n]) => n);
    const ready = failing.length === 0;
    if (ready && !wasReady) log.info('ready again');
    if (!ready && wasReady)
      log.warn({ failing: notReady.map(([n, c]) => `${n}: ${c.failing.join(', ')}`) }, 'not ready');
    wasReady = ready;
    return { ready, failing, subgraphs: Object.fromEntries(checks) as GatewayReadiness['subgraphs'] };
  }

  const refresh = singleFlight(async () => {
    const result = await check();
    cached = { at: Date.now(), result };
    return result;
  });
  const current = (): Promise<GatewayReadiness> =>
    cached && Date.now() - cached.at < CACHE_MS ? Promise.resolve(cached.result) : refresh();

  return async (req, res) => {
    const { ready, failing, subgraphs } = await current();
    const header = (n: string) => req.header(n);
    const detailed = hasInternalSecret(header) || hasMetricsSecret(header);
    res.status(ready ? 200 : 503).json(detailed ? { ready, failing, subgraphs } : { ready, failing });
  };
}
