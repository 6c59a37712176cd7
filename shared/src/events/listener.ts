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
export function listenForEvents(clientUrl: string, onNotify: (payload: string) => void, log: Logger, retryMs = 1000): EventListener {
  let client: Client | null = null;
  let stopped = false;
  const connect = async () => {
    try {
      const c = new Client({ connectionString: clientUrl });
      c.on('error', (err) => {
        log.warn({ err: err.message }, 'listener lost; polling until it is back');
        client = null;
      });
      c.on('notification', (n) => n.payload && onNotify(n.payload));
      await c.connect();
      await c.query(`listen ${EVENTS_CHANNEL}`);
      if (stopped) await c.end();
      else client = c;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'cannot listen; polling only');
    }
  };
  const retry = setInterval(() => {
    if (!client && !stopped) void connect();
  }, retryMs);
  void connect();
  return {
    async stop() {
      stopped = true;
      clearInterval(retry);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
