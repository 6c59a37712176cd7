import { Client } from 'pg';

import type { Logger } from '../logger.js';
import { EVENTS_CHANNEL } from './types.js';

export interface EventListener {
  stop(): Promise<void>;
}

/**
 * LISTENs on the events channel with its own connection and calls `onNotify` with each payload
 * (the source name). A lost connection is re-opened every `retryMs`; callers poll meanwhile.
 */
export function listenForEvents(
  clientUrl: string,
  onNotify: (payload: string) => void,
  log: Logger,
  retryMs = 1000,
): EventListener {
  let client: Client | null = null;
  // One attempt at a time: a connection slower than retryMs must not start a second one, which
  // would replace the first and leave it LISTENing, never ended (it kept test workers alive).
  let connecting = false;
  let stopped = false;
  const connect = async () => {
    if (client || connecting || stopped) return;
    connecting = true;
    // Bounded, so a connect that hangs (unreachable host) does not block the retries for minutes.
    const c = new Client({ connectionString: clientUrl, connectionTimeoutMillis: Math.max(10 * retryMs, 10_000) });
    c.on('error', (err) => {
      log.warn({ err: err.message }, 'listener lost; polling until it is back');
      // Only an established connection is ended here; a failing connect() is ended below.
      if (client !== c) return;
      client = null;
      void c.end().catch(() => undefined);
    });
    c.on('notification', (n) => n.payload && onNotify(n.payload));
    try {
      await c.connect();
      await c.query(`listen ${EVENTS_CHANNEL}`);
      if (stopped) await c.end();
      else client = c;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'cannot listen; polling only');
      // Not awaited: ending a half-open client may never settle, and the next attempt must not wait on it.
      void c.end().catch(() => undefined);
    } finally {
      connecting = false;
    }
  };
  const retry = setInterval(() => void connect(), retryMs);
  void connect();
  return {
    async stop() {
      stopped = true;
      clearInterval(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
