import path from 'node:path';

// Only config, never the package index: graphql, pg and http must load after the instrumentations.
import { loadConfigOrExit } from '@tsp/shared/dist/config.js';

import { tracingSdk } from './tracing/sdk.js';

/**
 * Imported first by run-service.ts: the SDK must patch http, pg and graphql before anything requires
 * them. Starts only in a service process (`node scripts/dist/run-service.js <name>`), never in a
 * process that merely imports run-service.
 */
const isServiceProcess = require.main?.filename === path.join(__dirname, 'run-service.js');
const service = isServiceProcess ? process.argv[2] : undefined;
// A service process checks its configuration here, first: an invalid value stops it before anything loads.
const sdk = service ? tracingSdk(service, loadConfigOrExit().OTEL_EXPORTER_OTLP_ENDPOINT) : undefined;
sdk?.start();

/** Sends the spans still buffered (at most a few seconds' worth) before the process exits. */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
}
