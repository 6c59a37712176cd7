import { pino, type Logger } from 'pino';

const defaultLevel = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info');

/** Structured JSON logs; quiet in tests unless LOG_LEVEL says otherwise. */
export const rootLogger: Logger = pino({ level: defaultLevel, base: undefined });

export function logger(name: string): Logger {
  return rootLogger.child({ svc: name });
}
export type { Logger };
