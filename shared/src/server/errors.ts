import { unwrapResolverError } from '@apollo/server/errors';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { databaseRefusal } from '../db/outage.js';
import type { Logger } from '../logger.js';

/**
 * Keeps the contract's refusals as they are, turns known database conflicts into CONFLICT and
 * hides everything unexpected behind a generic message (logged with its stack).
 */
export function formatErrorWith(log: Logger, service?: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // The subgraph answered; its database did not: blame the database (README § Readiness and timeouts).
    const refusal = service ? databaseRefusal(service, original) : null;
    if (refusal) {
      const cause = (original as Error).cause;
      log.warn(
        {
          err: (original as Error).message,
          cause: (cause as Error | undefined)?.message,
          reason: refusal.extensions.reason,
        },
        'database failed',
      );
      return { message: refusal.message, path: formatted.path, extensions: refusal.extensions };
    }
    if (original instanceof UniqueConstraintViolationException)
      return { ...formatted, message: 'already exists / 已存在', extensions: { code: 'CONFLICT' } };
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' && !(original instanceof GraphQLError)) {
      log.error({ err: original }, 'unexpected error');
      return { message: 'internal error / 内部错误', path: formatted.path, extensions: { code } };
    }
    const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  };
}
