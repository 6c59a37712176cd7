// First: the tracing SDK patches http, pg and graphql before the imports below load them (a side-effect import,
// which import sorting keeps at the top).
import './start-tracing.js';

import {
  config,
  DEFAULT_PORTS,
  loadConfigOrExit,
  logger,
  type ServiceName,
  startSubgraph,
  type SubgraphName,
  SUBGRAPHS,
} from '@tsp/shared';

import { loadService } from './services.js';
import { stopTracing } from './start-tracing.js';

/** Runs one service in this process (the launcher and docker-compose start one per process). */
export async function runService(name: ServiceName): Promise<{ stop(): Promise<void> }> {
  const { PORT, HOST: host, DATABASE_URL: databaseUrl } = config();
  const port = PORT ?? DEFAULT_PORTS[name];
  // Loaded on demand, as the subgraphs are: a subgraph's process need not load the gateway (2 s of CPU).
  if (name === 'gateway') return (await import('@tsp/gateway')).startGateway({ port, host });
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  return startSubgraph(await loadService(name), { databaseUrl, port, host });
}

async function main() {
  const name = process.argv[2] as ServiceName;
  if (name !== 'gateway' && !SUBGRAPHS.includes(name as SubgraphName)) {
    console.error(`usage: node scripts/dist/run-service.js gateway|${SUBGRAPHS.join('|')}`);
    process.exit(2);
  }
  loadConfigOrExit();
  const running = await runService(name);
  const log = logger(name);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Never hang on shutdown (e.g. the database already gone): give it 5 s, then leave.
    setTimeout(() => process.exit(1), 5000).unref();
    await running.stop().catch((err: Error) => log.warn({ err: err.message }, 'unclean stop'));
    await stopTracing();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Started by the launcher: do not outlive it.
  process.on('disconnect', () => void stop('launcher gone'));
}

if (require.main === module) {
  main().catch((e) => {
    logger('run-service').fatal({ err: e }, 'failed to start');
    process.exit(1);
  });
}
