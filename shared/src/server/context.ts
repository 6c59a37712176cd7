import type { EntityManager } from '@mikro-orm/postgresql';

import type { Identity } from '../identity/roles.js';
import type { Logger } from '../logger.js';
import { Loaders } from './loaders.js';

/** What every resolver receives. */
export interface Context {
  identity: Identity;
  /** A fresh MikroORM entity manager for this request. */
  em: EntityManager;
  loaders: Loaders;
  log: Logger;
  /** The caller's bearer header, for forwarding where a rule must act as the user. */
  authorization?: string;
  /** Idempotency-Key header of the request, when the client sent one. */
  idempotencyKey?: string;
  /** The address the client connected to the gateway from (CLIENT_ADDRESS_HEADER; set by the gateway on writes). */
  clientAddress?: string;
  /** Values resolved for this HTTP request, every operation of a batch together (result-cap.ts). */
  work: { resolvedValues: number };
}

export function newContext(parts: Omit<Context, 'loaders' | 'work'>): Context {
  return { ...parts, loaders: new Loaders(), work: { resolvedValues: 0 } };
}
