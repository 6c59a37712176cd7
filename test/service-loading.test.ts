import { execFileSync } from 'node:child_process';
import path from 'node:path';

const dist = path.resolve(__dirname, '..', 'scripts', 'dist');

/** The modules a fresh Node process has loaded after `script` (run with `-e`), as repository-relative paths. */
function loadedAfter(script: string): string[] {
  const out = execFileSync(
    process.execPath,
    ['-e', `${script}.then(() => console.log(JSON.stringify(Object.keys(require.cache))))`],
    { encoding: 'utf8' },
  );
  const root = path.resolve(__dirname, '..') + path.sep;
  return (JSON.parse(out) as string[]).filter((f) => !f.includes('node_modules')).map((f) => f.replace(root, ''));
}

const packagesIn = (files: string[]) =>
  [...new Set(files.map((f) => /^(gateway|subgraphs\/[^/]+)\//.exec(f)?.[1]).filter(Boolean))].sort();

// Each package costs a service process 0.3-2 s of CPU to load; all six subgraphs and the gateway cost every
// process 4.3 s at start, nine processes at once on two cores.
test('a subgraph process loads its own package only, never the gateway or the other subgraphs', () => {
  const files = loadedAfter(
    `require(${JSON.stringify(path.join(dist, 'run-service.js'))}); ` +
      `require(${JSON.stringify(path.join(dist, 'services.js'))}).loadService('review')`,
  );
  expect(files).toContain('scripts/dist/run-service.js');
  expect(packagesIn(files)).toEqual(['subgraphs/review']);
});
