import { spawn } from 'node:child_process';
import path from 'node:path';

import { childEnv } from '@tsp/shared';

/**
 * The test environment (test/kit/environment.js) ends a jest worker whose loop has emptied through process.exit(),
 * skipping V8's heap teardown, which outlasted jest's 500 ms exit grace under load ("A worker process has failed
 * to exit gracefully"). Node's --trace-exit prints a stack for process.exit() and nothing for a process that ends by
 * emptying its loop, so the tests can tell the two apart without timing anything.
 */
const ENVIRONMENT = path.join(__dirname, 'kit', 'environment.js');

// Loads the environment as jest does in a worker, leaves a timer pending (work a leak-hiding exit would cut),
// and sets an exit code that must survive.
const SCRIPT = `
require(${JSON.stringify(ENVIRONMENT)});
process.exitCode = 3;
setTimeout(() => process.stdout.write('pending work ran\\n'), 200);
`;

function run(ipc: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--trace-exit', '-e', SCRIPT], {
      env: childEnv({ JEST_WORKER_ID: '1' }),
      // A jest worker is forked: it has an IPC channel. Without one it is jest's own process (in band).
      stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('a jest worker ends through process.exit once its loop has emptied, keeping its exit code', async () => {
  const r = await run(true);
  expect(r.stdout).toBe('pending work ran\n');
  expect(r.code).toBe(3);
  expect(r.stderr).toContain('Exited the environment with code 3');
});

test("jest's own process (a run in band) is left to end as it would", async () => {
  const r = await run(false);
  expect(r.stdout).toBe('pending work ran\n');
  expect(r.code).toBe(3);
  expect(r.stderr).not.toContain('Exited the environment');
});
