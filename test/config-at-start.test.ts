import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { childEnv } from '@tsp/shared';

/**
 * A service, the launcher or a CLI started with an invalid value stops at once: exit code 78
 * (EX_CONFIG), the variable and what it expects on stderr, no stack trace. Nothing here reaches a
 * database or a port: the check comes first.
 */
const DIST = path.resolve(__dirname, '..', 'scripts', 'dist');
// Valid but unreachable: should the check fail to stop a process, it fails here instead of starting anything.
const NOWHERE_DB = 'postgres://nobody:nothing@127.0.0.1:9/none';

function run(script: string, args: string[], vars: Record<string, string>): Promise<{ code: number; output: string }> {
  const file = path.join(DIST, script);
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (npx tsc -b)`);
  return new Promise((resolve) => {
    const env = childEnv({ DATABASE_URL: NOWHERE_DB, PORT: '9', LOG_LEVEL: 'info', ...vars });
    execFile(process.execPath, [file, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

test.each([
  [
    'the gateway',
    'run-service.js',
    ['gateway'],
    { SUBGRAPH_TIMEOUT_MS: 'abc' },
    'SUBGRAPH_TIMEOUT_MS: expected a positive whole number, got "abc"',
  ],
  [
    'a subgraph',
    'run-service.js',
    ['records'],
    { BLOB_STORE: 's3', S3_BUCKET: 'evidence' },
    'S3_ENDPOINT: required because BLOB_STORE is s3 (unset or empty)',
  ],
  [
    'a subgraph',
    'run-service.js',
    ['personnel'],
    { JWKS_URL: 'https://idp.example/jwks', JWT_ISSUER: 'https://idp.example' },
    'JWT_AUDIENCE: required because JWKS_URL is set (unset or empty)',
  ],
  [
    'the launcher',
    'start.js',
    [],
    { LAUNCHER_WAIT_MS: 'soon' },
    'LAUNCHER_WAIT_MS: expected a positive whole number, got "soon"',
  ],
  [
    'a CLI',
    'migrate-cli.js',
    [],
    { DATABASE_URL: 'mysql://db/x' },
    'DATABASE_URL: expected a URL (postgres or postgresql), got "mysql://db/x"',
  ],
] as const)('%s (%s %s) with %j stops, naming the variable', async (_who, script, args, vars, message) => {
  const r = await run(script, [...args], vars);
  expect(r.code).toBe(78);
  expect(r.output).toContain(`invalid configuration (配置错误): ${message}`);
  expect(r.output).not.toMatch(/\n\s+at /);
});
