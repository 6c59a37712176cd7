import { randomBytes } from 'node:crypto';

import { childEnv, config, ConfigError, ENV_VARS, overrideConfig, parseConfig, subgraphUrl } from '../src';

/** The configuration as parsed from `vars` alone, or the message it is refused with. */
const problem = (vars: Record<string, string>) => {
  try {
    parseConfig(vars);
    return 'accepted';
  } catch (e) {
    return e instanceof ConfigError ? e.message : `not a ConfigError: ${String(e)}`;
  }
};
const S3 = {
  BLOB_STORE: 's3',
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_BUCKET: 'b',
  S3_ACCESS_KEY_ID: 'i',
  S3_SECRET_ACCESS_KEY: 's',
};

describe('defaults', () => {
  const c = parseConfig({});
  test('as documented in ENV_VARS', () => {
    expect(c).toMatchObject({
      JWT_SECRET: 'dev-only-jwt-secret-change-me',
      INTERNAL_SECRET: 'dev-only-internal-secret-change-me',
      HOST: '127.0.0.1',
      BLOB_STORE: 'fs',
      BLOB_MAX_BYTES: 2 * 1024 ** 3,
      BLOB_AGENCY_QUOTA_BYTES: 10 * 1024 ** 3,
      BLOB_UNCITED_TTL_MS: 86_400_000,
      BLOB_SWEEP_INTERVAL_MS: 600_000,
      S3_REGION: 'us-east-1',
      USER_TOKEN_MAX_LIFETIME: 12 * 3600,
      INTEGRATOR_TOKEN_MAX_LIFETIME: 90 * 86_400,
      SUBGRAPH_TIMEOUT_MS: 10_000,
      INTERNAL_CALL_TIMEOUT_MS: 5000,
      DB_CONNECT_TIMEOUT_MS: 5000,
      DB_ACQUIRE_TIMEOUT_MS: 8000,
      WORKER_STUCK_MS: 300_000,
      OFFICER_AGENCY_CACHE_MS: 5000,
      METRICS_MAX_OPERATION_NAMES: 100,
      METRICS_COLLECT_TIMEOUT_MS: 2000,
      JOURNAL_AUDIT_INTERVAL_MS: 30_000,
      JOURNAL_FULL_AUDIT_INTERVAL_MS: 21_600_000,
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: false,
      WEBHOOK_RETRY_BASE_MS: 1000,
      LAUNCHER_WAIT_MS: 180_000,
      LOG_SQL: false,
      TRUSTED_PROXIES: [],
      PERSONNEL_URL: 'http://127.0.0.1:4001/graphql',
      DISCLOSURE_URL: 'http://127.0.0.1:4004/graphql',
    });
    for (const unset of [
      'DATABASE_URL',
      'JWKS_URL',
      'PORT',
      'METRICS_TOKEN',
      'WEBHOOK_SECRET_KEY',
      'GATEWAY_URL',
    ] as const)
      expect([unset, c[unset]]).toEqual([unset, undefined]);
  });
  test('NODE_ENV=production makes the webhook retry base 10 s; an empty variable counts as unset', () => {
    const secrets = { INTERNAL_SECRET: 'a-production-internal-secret', JWT_SECRET: 'a-production-jwt-secret' };
    expect(parseConfig({ NODE_ENV: 'production', ...secrets }).WEBHOOK_RETRY_BASE_MS).toBe(10_000);
    expect(parseConfig({ SUBGRAPH_TIMEOUT_MS: '', BLOB_STORE: '' })).toMatchObject({
      SUBGRAPH_TIMEOUT_MS: 10_000,
      BLOB_STORE: 'fs',
    });
  });
  test('every variable of ENV_VARS has a value or is unset, and the result is frozen', () => {
    expect(Object.keys(c).sort()).toEqual(Object.keys(ENV_VARS).sort());
    expect(Object.isFrozen(c)).toBe(true);
  });
});

test('valid values are parsed to their types', () => {
  const key = randomBytes(32).toString('base64');
  expect(
    parseConfig({
      SUBGRAPH_TIMEOUT_MS: '1500',
      OFFICER_AGENCY_CACHE_MS: '0',
      USER_TOKEN_MAX_LIFETIME: '30m',
      PORT: '8080',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1',
      WEBHOOK_SECRET_KEY: key,
      LOG_LEVEL: 'warn',
      TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,2001:db8::1',
      ...S3,
      JWKS_URL: 'https://idp.example/jwks',
      JWT_ISSUER: 'https://idp.example',
      JWT_AUDIENCE: 'https://api.example',
    }),
  ).toMatchObject({
    SUBGRAPH_TIMEOUT_MS: 1500,
    OFFICER_AGENCY_CACHE_MS: 0,
    USER_TOKEN_MAX_LIFETIME: 1800,
    PORT: 8080,
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: true,
    WEBHOOK_SECRET_KEY: key,
    LOG_LEVEL: 'warn',
    TRUSTED_PROXIES: ['loopback', '10.0.0.0/8', '2001:db8::1'],
    BLOB_STORE: 's3',
  });
});

describe('an invalid value is refused, naming the variable and what it expects', () => {
  test.each([
    ['SUBGRAPH_TIMEOUT_MS', 'abc', 'expected a positive whole number, got "abc"'],
    ['BLOB_MAX_BYTES', '0', 'expected a positive whole number, got "0"'],
    ['DB_ACQUIRE_TIMEOUT_MS', '1.5', 'expected a positive whole number, got "1.5"'],
    ['OFFICER_AGENCY_CACHE_MS', '-1', 'expected a whole number, 0 or more, got "-1"'],
    ['PORT', '70000', 'expected a port number from 1 to 65535, got "70000"'],
    ['USER_TOKEN_MAX_LIFETIME', 'forever', 'expected a duration such as 12h, 90d or 3600 (seconds), got "forever"'],
    ['WEBHOOK_ALLOW_PRIVATE_ADDRESSES', 'true', 'expected 1 or 0, got "true"'],
    ['LOG_LEVEL', 'verbose', 'expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"'],
    ['BLOB_STORE', 'gcs', 'expected one of fs, s3, got "gcs"'],
    [
      'TRUSTED_PROXIES',
      '10.0.0.0/33',
      'expected addresses or CIDR ranges separated by commas (or loopback, linklocal, uniquelocal), got "10.0.0.0/33"',
    ],
    ['RECORDS_URL', 'records:4002', 'expected a URL (http or https), got "records:4002"'],
    ['DATABASE_URL', 'http://db/x', 'expected a URL (postgres or postgresql), got "http://db/x"'],
  ])('%s=%s', (name, value, expected) => {
    expect(problem({ [name]: value })).toBe(`invalid configuration (配置错误): ${name}: ${expected}`);
  });

  test('a malformed key is named but never shown', () => {
    const message = problem({ WEBHOOK_SECRET_KEY: 'correct-horse-battery' });
    expect(message).toMatch(/^invalid configuration \(配置错误\): WEBHOOK_SECRET_KEY: expected 32 bytes as 64 hex/);
    expect(message).not.toContain('correct-horse');
    expect(problem({ WEBHOOK_SECRET_KEY_PREVIOUS: randomBytes(16).toString('hex') })).toMatch(
      /WEBHOOK_SECRET_KEY_PREVIOUS: expected 32 bytes/,
    );
  });

  test('a malformed URL is named without the password it may hold (user info, query)', () => {
    const cases: [string, string, string][] = [
      ['DATABASE_URL', 'jdbc:postgresql://platform:S3cret-pw@db:5432/x', '"jdbc:postgresql://…"'],
      ['DATABASE_URL', 'platform:S3cret-pw@db:5432/x', '"…"'],
      ['DATABASE_URL', 'mysql://db/x?user=platform&password=S3cret-pw', '"mysql://…"'],
      ['S3_ENDPOINT', 'ftp://key:S3cret-pw@minio:9000', '"ftp://…"'],
    ];
    for (const [name, value, shown] of cases) {
      const message = problem({ [name]: value });
      expect(message).toContain(`${name}: expected a URL`);
      expect(message).toContain(`got ${shown}`);
      expect(message).not.toContain('S3cret-pw');
    }
  });

  test('every problem at once, so one start-up names them all', () => {
    expect(problem({ SUBGRAPH_TIMEOUT_MS: 'x', LAUNCHER_WAIT_MS: 'y' })).toBe(
      'invalid configuration (配置错误): SUBGRAPH_TIMEOUT_MS: expected a positive whole number, got "x"; ' +
        'LAUNCHER_WAIT_MS: expected a positive whole number, got "y"',
    );
  });
});

describe('rules across variables', () => {
  test('JWKS_URL needs JWT_ISSUER and JWT_AUDIENCE', () => {
    const jwks = { JWKS_URL: 'https://idp.example/jwks' };
    expect(problem(jwks)).toBe(
      'invalid configuration (配置错误): JWT_ISSUER: required because JWKS_URL is set (unset or empty); ' +
        'JWT_AUDIENCE: required because JWKS_URL is set (unset or empty)',
    );
    expect(problem({ ...jwks, JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: '' })).toMatch(
      /: JWT_AUDIENCE: required/,
    );
    expect(problem({ ...jwks, JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' })).toBe('accepted');
    // Without JWKS_URL, issuer and audience are optional (checked whenever set).
    expect(problem({ JWT_ISSUER: 'i' })).toBe('accepted');
  });

  test("the dashboard's OpenID login needs both its issuer and its client id; the scope defaults to openid", () => {
    expect(problem({ WEB_OIDC_ISSUER: 'https://idp.example/realms/gov' })).toBe(
      'invalid configuration (配置错误): WEB_OIDC_CLIENT_ID: required because WEB_OIDC_ISSUER is set (unset or empty)',
    );
    expect(problem({ WEB_OIDC_CLIENT_ID: 'dashboard' })).toMatch(/: WEB_OIDC_ISSUER: required because/);
    expect(problem({ WEB_OIDC_ISSUER: 'ftp://idp.example', WEB_OIDC_CLIENT_ID: 'd' })).toMatch(/WEB_OIDC_ISSUER: /);
    const c = parseConfig({ WEB_OIDC_ISSUER: 'https://idp.example/realms/gov', WEB_OIDC_CLIENT_ID: 'dashboard' });
    expect([c.WEB_OIDC_CLIENT_ID, c.WEB_OIDC_SCOPE]).toEqual(['dashboard', 'openid']);
  });

  test('NODE_ENV=production refuses the development secrets, which are in this repository', () => {
    expect(problem({ NODE_ENV: 'production' })).toBe(
      'invalid configuration (配置错误): INTERNAL_SECRET: required because NODE_ENV is production (unset or empty); ' +
        'JWT_SECRET: required because NODE_ENV is production and JWKS_URL is unset (unset or empty)',
    );
    expect(
      problem({ NODE_ENV: 'production', INTERNAL_SECRET: 'dev-only-internal-secret-change-me', JWT_SECRET: 'x' }),
    ).toMatch(/^invalid configuration \(配置错误\): INTERNAL_SECRET: required/);
    const jwks = { JWKS_URL: 'https://idp.example/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' };
    expect(problem({ NODE_ENV: 'production', INTERNAL_SECRET: 'a-production-internal-secret', ...jwks })).toBe(
      'accepted',
    );
    // Development keeps its defaults.
    expect(problem({})).toBe('accepted');
  });

  test('BLOB_STORE=s3 needs every S3_* variable but the region', () => {
    expect(problem(S3)).toBe('accepted');
    expect(problem({ ...S3, S3_BUCKET: '', S3_SECRET_ACCESS_KEY: '' })).toBe(
      'invalid configuration (配置错误): S3_BUCKET: required because BLOB_STORE is s3 (unset or empty); ' +
        'S3_SECRET_ACCESS_KEY: required because BLOB_STORE is s3 (unset or empty)',
    );
    // The fs store ignores them.
    expect(problem({ BLOB_STORE: 'fs' })).toBe('accepted');
  });
});

describe('overrideConfig (tests)', () => {
  test('changes what config() returns until restored; a refused override changes nothing', () => {
    const before = config();
    const restore = overrideConfig({ SUBGRAPH_TIMEOUT_MS: '300', RECORDS_URL: 'http://127.0.0.1:9/graphql' });
    expect(config().SUBGRAPH_TIMEOUT_MS).toBe(300);
    expect(subgraphUrl('records')).toBe('http://127.0.0.1:9/graphql');
    expect(() => overrideConfig({ SUBGRAPH_TIMEOUT_MS: 'soon' })).toThrow(
      'SUBGRAPH_TIMEOUT_MS: expected a positive whole number',
    );
    expect(config().SUBGRAPH_TIMEOUT_MS).toBe(300);
    restore();
    expect(config()).toBe(before);
  });

  test("children get this process's variables with the overrides, plus their own", () => {
    const restore = overrideConfig({ METRICS_TOKEN: 'scrape', WEBHOOK_SECRET_KEY_PREVIOUS: undefined });
    try {
      const env = childEnv({ PORT: '4100' });
      expect(env).toMatchObject({ METRICS_TOKEN: 'scrape', PORT: '4100' });
      expect(env).not.toHaveProperty('WEBHOOK_SECRET_KEY_PREVIOUS');
      expect(env.PATH).toBeDefined();
    } finally {
      restore();
    }
  });
});
