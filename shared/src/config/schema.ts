import path from 'node:path';

import { z } from 'zod';

import {
  addressList,
  durationSeconds,
  flag,
  nonNegativeWhole,
  oneOf,
  port,
  positiveWhole,
  secretKey,
  text,
  url,
} from './fields.js';
import {
  DEFAULT_PORTS,
  DEV_INTERNAL_SECRET,
  DEV_JWT_SECRET,
  ENV_VARS,
  type EnvVar,
  type SubgraphName,
  SUBGRAPHS,
  type SubgraphUrlVar,
  subgraphUrlVar,
} from './variables.js';

const HTTP = ['http:', 'https:'] as const;
const subgraphAt = (name: SubgraphName) => url(HTTP).default(`http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`);
const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((n) => [subgraphUrlVar(n), subgraphAt(n)])) as Record<
  SubgraphUrlVar,
  ReturnType<typeof subgraphAt>
>;

/** Pino's levels. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Development default of WEBHOOK_RETRY_BASE_MS; NODE_ENV=production makes it PRODUCTION_RETRY_BASE_MS. */
export const DEFAULT_RETRY_BASE_MS = 1000;
export const PRODUCTION_RETRY_BASE_MS = 10_000;

/** Each variable of ENV_VARS (their meaning is documented there), parsed, with its default. */
const fields = {
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  JWT_SECRET: text().default(DEV_JWT_SECRET),
  JWKS_URL: url(HTTP).optional(),
  JWT_ISSUER: text().optional(),
  JWT_AUDIENCE: text().optional(),
  /** Seconds. */
  USER_TOKEN_MAX_LIFETIME: durationSeconds().default(12 * 3600),
  /** Seconds. Integrators are machines holding a long-lived credential for a feed (webhooks, subscriptions). */
  INTEGRATOR_TOKEN_MAX_LIFETIME: durationSeconds().default(90 * 86_400),
  INTERNAL_SECRET: text().default(DEV_INTERNAL_SECRET),
  /** Unset: info (the logger's default), so a tool can choose its own. */
  LOG_LEVEL: oneOf(LOG_LEVELS).optional(),
  /** Unset: the service's own default port (DEFAULT_PORTS). */
  PORT: port().optional(),
  HOST: text().default('127.0.0.1'),
  BLOB_DIR: text().default(() => path.resolve('.data', 'blobs')),
  BLOB_MAX_BYTES: positiveWhole().default(2 * 1024 ** 3),
  BLOB_UNCITED_TTL_MS: positiveWhole().default(24 * 3600_000),
  /** Five maximum-size recordings. */
  BLOB_AGENCY_QUOTA_BYTES: positiveWhole().default(10 * 1024 ** 3),
  BLOB_SWEEP_INTERVAL_MS: positiveWhole().default(10 * 60_000),
  BLOB_STORE: oneOf(['fs', 's3']).default('fs'),
  S3_ENDPOINT: url(HTTP).optional(),
  S3_BUCKET: text().optional(),
  S3_REGION: text().default('us-east-1'),
  S3_ACCESS_KEY_ID: text().optional(),
  S3_SECRET_ACCESS_KEY: text().optional(),
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: flag().default(false),
  WEBHOOK_SECRET_KEY: secretKey().optional(),
  WEBHOOK_SECRET_KEY_PREVIOUS: secretKey().optional(),
  /** Unset: DEFAULT_RETRY_BASE_MS, or PRODUCTION_RETRY_BASE_MS under NODE_ENV=production (see below). */
  WEBHOOK_RETRY_BASE_MS: positiveWhole().optional(),
  /** Frequent enough that tampering is reported within a minute. */
  JOURNAL_AUDIT_INTERVAL_MS: positiveWhole().default(30_000),
  JOURNAL_FULL_AUDIT_INTERVAL_MS: positiveWhole().default(6 * 3_600_000),
  JOURNAL_SIGNING_KEY: text().optional(),
  OFFICER_AGENCY_CACHE_MS: nonNegativeWhole().default(5000),
  METRICS_TOKEN: text().optional(),
  METRICS_MAX_OPERATION_NAMES: positiveWhole().default(100),
  METRICS_COLLECT_TIMEOUT_MS: positiveWhole().default(2000),
  // Timeouts: README § Readiness and timeouts.
  SUBGRAPH_TIMEOUT_MS: positiveWhole().default(10_000),
  INTERNAL_CALL_TIMEOUT_MS: positiveWhole().default(5_000),
  // Short enough that a partitioned database is blamed before the gateway's 10 s give up on the subgraph,
  // long enough for a new PostgreSQL backend on a loaded 2-core machine (seconds at load 12).
  DB_CONNECT_TIMEOUT_MS: positiveWhole().default(5_000),
  DB_ACQUIRE_TIMEOUT_MS: positiveWhole().default(8_000),
  WORKER_STUCK_MS: positiveWhole().default(5 * 60_000),
  // A complainant rarely has more than a few things to report; a script has many (README § Limits and abuse).
  COMPLAINT_RATE_PER_HOUR: positiveWhole().default(3),
  COMPLAINT_RATE_PER_DAY: positiveWhole().default(10),
  /** None by default: a client's own X-Forwarded-For is never believed. */
  TRUSTED_PROXIES: addressList().default([]),
  ...subgraphUrls,
  PUBLIC_WEB_URL: url(HTTP).default('http://localhost:4000'),
  WEB_OIDC_ISSUER: url(HTTP).optional(),
  WEB_OIDC_CLIENT_ID: text().optional(),
  WEB_OIDC_SCOPE: text().default('openid'),
  GATEWAY_URL: url(HTTP).optional(),
  LAUNCHER_WAIT_MS: positiveWhole().default(180_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(HTTP).optional(),
  NODE_ENV: text().optional(),
  LOG_SQL: flag().default(false),
  JOURNAL_TOKEN: text().optional(),
  BENCH_QUICK: flag().default(false),
  BENCH_CASES: positiveWhole().default(1570),
} satisfies Record<EnvVar, z.ZodType>;

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

const schema = z
  .object(fields)
  .superRefine((c, ctx) => {
    const need = (name: EnvVar, because: string) =>
      ctx.addIssue({ code: 'custom', path: [name], message: `required because ${because} (unset or empty)` });
    // Without an issuer and audience check, a token the same identity provider issued to another
    // application or tenant would be accepted.
    if (c.JWKS_URL !== undefined) {
      if (c.JWT_ISSUER === undefined) need('JWT_ISSUER', 'JWKS_URL is set');
      if (c.JWT_AUDIENCE === undefined) need('JWT_AUDIENCE', 'JWKS_URL is set');
    }
    // Half a login configuration would show a button that cannot work.
    if (c.WEB_OIDC_ISSUER !== undefined && c.WEB_OIDC_CLIENT_ID === undefined)
      need('WEB_OIDC_CLIENT_ID', 'WEB_OIDC_ISSUER is set');
    if (c.WEB_OIDC_CLIENT_ID !== undefined && c.WEB_OIDC_ISSUER === undefined)
      need('WEB_OIDC_ISSUER', 'WEB_OIDC_CLIENT_ID is set');
    // A misconfigured store must not look healthy until the first upload.
    if (c.BLOB_STORE === 's3')
      for (const name of S3_REQUIRED) if (c[name] === undefined) need(name, 'BLOB_STORE is s3');
    // The development secrets are in this repository: in production anyone could sign a token or pass as the
    // gateway with them.
    if (c.NODE_ENV === 'production') {
      if (c.INTERNAL_SECRET === DEV_INTERNAL_SECRET) need('INTERNAL_SECRET', 'NODE_ENV is production');
      if (c.JWKS_URL === undefined && c.JWT_SECRET === DEV_JWT_SECRET)
        need('JWT_SECRET', 'NODE_ENV is production and JWKS_URL is unset');
    }
  })
  .transform((c) => ({
    ...c,
    WEBHOOK_RETRY_BASE_MS:
      c.WEBHOOK_RETRY_BASE_MS ?? (c.NODE_ENV === 'production' ? PRODUCTION_RETRY_BASE_MS : DEFAULT_RETRY_BASE_MS),
  }));

/** The platform's configuration: every variable of ENV_VARS, parsed and defaulted. */
export type Config = Readonly<z.output<typeof schema>>;

/** Variables as the environment holds them (text; unset or empty means "use the default"). */
export type RawVariables = Readonly<Partial<Record<string, string | undefined>>>;

/** A variable (or several) holds a value the platform cannot use; the message names each and what it expects. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration (配置错误): ${problems.join('; ')}`);
  }
}

/** Parses and checks every variable at once, so one start-up names every problem. */
export function parseConfig(raw: RawVariables): Config {
  const input = Object.fromEntries(
    Object.keys(ENV_VARS).map((name) => [name, raw[name] === '' ? undefined : raw[name]]),
  );
  const result = schema.safeParse(input);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  return Object.freeze(result.data);
}
