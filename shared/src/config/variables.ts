import { type ServiceName, SUBGRAPH_URL_VARS } from './subgraphs.js';

export * from './subgraphs.js';

/**
 * Every environment variable the platform reads, in one place (docker-compose.yml is tested against
 * this list). schema.ts parses them; nothing else reads the environment.
 */
export const ENV_VARS = {
  DATABASE_URL: 'PostgreSQL URL; unset = embedded PostgreSQL under .data/',
  JWT_SECRET: 'HS256 secret for user tokens (development)',
  JWKS_URL:
    "identity provider's JWKS endpoint for user tokens (production); when set, only asymmetric (RS/PS/ES/EdDSA) tokens signed by its keys are accepted, and JWT_ISSUER and JWT_AUDIENCE are required",
  JWT_ISSUER: "the identity provider's issuer (its tokens' iss); required with JWKS_URL, checked whenever set",
  JWT_AUDIENCE:
    "this platform's audience at the identity provider (its tokens' aud, e.g. the resource indicator); required with JWKS_URL, checked whenever set",
  USER_TOKEN_MAX_LIFETIME:
    'longest validity (exp − iat) of a token of any role but INTEGRATOR: 12h, 30m, 3600 (seconds)… (default 12h); ' +
    'longer tokens and tokens without exp are refused',
  INTEGRATOR_TOKEN_MAX_LIFETIME: 'longest validity (exp − iat) of an INTEGRATOR token, same format (default 90d)',
  INTERNAL_SECRET: 'shared secret between gateway and subgraphs; also signs service-to-service tokens',
  LOG_LEVEL: 'pino level (default info; silent in tests)',
  PORT: 'HTTP port of this process',
  HOST: 'interface to listen on (default 127.0.0.1; 0.0.0.0 in containers)',
  BLOB_DIR: 'folder of the attachment store (default .data/blobs)',
  BLOB_MAX_BYTES: 'largest attachment accepted, in bytes (default 2 GiB)',
  BLOB_UNCITED_TTL_MS:
    'how long an upload no case of its agency cites is kept before it is deleted, in ms (default 24 h)',
  BLOB_AGENCY_QUOTA_BYTES:
    'bytes of uploads not yet cited that one agency may hold at once (default 10 GiB); over it a PUT /blobs answers 413',
  BLOB_SWEEP_INTERVAL_MS: 'how often records deletes expired uncited uploads, in ms (default 10 minutes)',
  BLOB_STORE:
    'where attachments are kept: fs (default, under BLOB_DIR) or s3 (an S3-compatible bucket; needs the S3_* variables)',
  S3_ENDPOINT:
    'with BLOB_STORE=s3: base URL of the S3-compatible service; objects are addressed path-style, <endpoint>/<bucket>/<sha256>',
  S3_BUCKET: 'with BLOB_STORE=s3: bucket of the attachments (created beforehand)',
  S3_REGION: 'with BLOB_STORE=s3: region the requests are signed for (default us-east-1)',
  S3_ACCESS_KEY_ID: 'with BLOB_STORE=s3: access key id (Signature V4)',
  S3_SECRET_ACCESS_KEY: 'with BLOB_STORE=s3: secret access key (Signature V4)',
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES:
    '1 lets webhooks reach loopback/private addresses (tests and local development only; the ADMIN allowlist still applies)',
  WEBHOOK_SECRET_KEY:
    'AES-256-GCM key (32 bytes: 64 hex characters or base64) encrypting webhook signing secrets at rest; migration and review need the same one; unset = derived from INTERNAL_SECRET (development only)',
  WEBHOOK_SECRET_KEY_PREVIOUS:
    'during a rotation only: the WEBHOOK_SECRET_KEY before the current one (same format); secrets it sealed still open until `npm run rotate-webhook-key` re-seals them under the current key',
  WEBHOOK_RETRY_BASE_MS:
    'first webhook retry delay, doubling per attempt, capped at 1 h (default 1000; 10000 with NODE_ENV=production)',
  JOURNAL_AUDIT_INTERVAL_MS:
    'how often records audits new journal entries, checks for tampering and signs a checkpoint, in ms (default 30000)',
  JOURNAL_FULL_AUDIT_INTERVAL_MS:
    'how often records re-hashes its whole journal and every entry, in ms (default 21600000, 6 hours)',
  JOURNAL_SIGNING_KEY:
    'Ed25519 private key (PKCS8 PEM) that signs journal checkpoints; unset = a development key kept in the database',
  OFFICER_AGENCY_CACHE_MS:
    "how long a subgraph trusts personnel's answer to where an officer belongs, in ms (default 5000): a transfer refuses the officer's old token everywhere within this time",
  // Metrics (README § Metrics): /metrics on each service's port, behind METRICS_TOKEN (else INTERNAL_SECRET).
  METRICS_TOKEN:
    "the scraper's credential for /metrics (Authorization: Bearer); when set it is the only one accepted; " +
    'unset = INTERNAL_SECRET (development: it also signs service tokens, keep it out of scrape configs)',
  METRICS_MAX_OPERATION_NAMES:
    'distinct GraphQL operation names a service labels its request metrics with (default 100); later ones are "other"',
  METRICS_COLLECT_TIMEOUT_MS:
    'how long a /metrics scrape waits for a gauge read from the database or a feed, in ms (default 2000); ' +
    'a slower read drops those gauges from that scrape',
  SUBGRAPH_TIMEOUT_MS:
    'gateway: longest wait for one subgraph request, in ms (default 10000); ' +
    'then DEPENDENCY_UNAVAILABLE naming the subgraph, reason TIMEOUT',
  INTERNAL_CALL_TIMEOUT_MS: 'longest wait for one subgraph-to-subgraph call, in ms (default 5000)',
  DB_CONNECT_TIMEOUT_MS: 'longest wait for a new PostgreSQL connection, in ms (default 5000)',
  DB_ACQUIRE_TIMEOUT_MS:
    "longest wait for a connection from a subgraph's pool, in ms (default 8000); " +
    "then DEPENDENCY_UNAVAILABLE naming '<subgraph> database'",
  WORKER_STUCK_MS:
    'a background worker whose run, batch or timer is this many ms overdue is stuck ' +
    'and makes /ready answer 503 (default 300000)',
  COMPLAINT_RATE_PER_HOUR:
    'public complaints (submitComplaint) accepted from one client address per hour (default 3); then RATE_LIMITED',
  COMPLAINT_RATE_PER_DAY: 'public complaints accepted from one client address per 24 hours (default 10)',
  TRUSTED_PROXIES:
    'gateway: reverse proxies in front of it (addresses or CIDR ranges, comma-separated; also loopback, linklocal, ' +
    'uniquelocal); their X-Forwarded-For names the client that rate limits count (default: none, the socket address)',
  ...SUBGRAPH_URL_VARS,
  // Launcher (npm start) and CLI scripts.
  PUBLIC_WEB_URL:
    "base URL of the public portal: an inspection code's QR payload is <url>/verify/inspection/<code> (default http://localhost:4000)",
  WEB_OIDC_ISSUER:
    "supervision dashboard: the identity provider's issuer URL the page signs in at (OpenID Connect, authorization " +
    'code + PKCE); unset = the page only takes a pasted token (development)',
  WEB_OIDC_CLIENT_ID:
    "supervision dashboard: the page's public client id at that provider (no secret; redirect URI " +
    '<origin>/supervision/callback); required with WEB_OIDC_ISSUER',
  WEB_OIDC_SCOPE:
    'supervision dashboard: scopes asked for at sign-in, space-separated (default openid); its access token must ' +
    'carry the role and region claims the platform reads',
  GATEWAY_URL: 'gateway GraphQL URL: npm start serves it there, npm run token -- --demo asks it (default port 4000)',
  LAUNCHER_WAIT_MS: 'how long npm start waits for a service to become healthy, in ms (default 180000)',
  // Traces: the standard OpenTelemetry variable; the other OTEL_* variables apply as usual.
  OTEL_EXPORTER_OTLP_ENDPOINT:
    'OTLP/HTTP (JSON) collector base URL, e.g. http://collector:4318 (spans go to <url>/v1/traces); ' +
    'unset = nothing is exported, trace ids still reach logs, x-trace-id and the outbox',
  NODE_ENV: 'production selects the production defaults (WEBHOOK_RETRY_BASE_MS 10000); the Dockerfile sets it',
  LOG_SQL: '1 logs every SQL statement through pino (development only: statements hold names and addresses)',
  JOURNAL_TOKEN: 'npm run verify-journal: bearer token for --server when --token is not given',
  // Benchmarks (npm run bench).
  BENCH_QUICK: 'bench: 1 runs the short version of the journal benchmark',
  BENCH_CASES: 'bench-journal-audit: cases to create before timing the audit (default 1570)',
} as const;
export type EnvVar = keyof typeof ENV_VARS;

export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';
export const DEV_INTERNAL_SECRET = 'dev-only-internal-secret-change-me';

/**
 * Node flags per service process (launcher, bench, docker-compose and Kubernetes use the same). The gateway's
 * live heap under load stays well under 100 MB, but on a large machine V8 lets garbage pile up to
 * several hundred MB before collecting; a cap of 192 MB keeps its RSS under 300 MB at 50 clients at
 * no measurable cost in throughput (measured with npm run bench). Records builds a region's findings from
 * thousands of short-lived rows a request: with V8's 16 MB young generation a quarter of its CPU went to garbage
 * collection, and a 64 MB one cut its CPU per findings request by about a quarter (README, Province scale). The
 * other subgraphs allocate little a request and keep V8's defaults.
 */
export const NODE_FLAGS: Partial<Record<ServiceName, readonly string[]>> = {
  gateway: ['--max-old-space-size=192'],
  records: ['--max-semi-space-size=64'],
};
