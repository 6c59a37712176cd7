import fs from 'node:fs';
import path from 'node:path';

import { DEFAULT_PORTS, ENV_VARS, SUBGRAPH_REGISTRY, SUBGRAPHS, subgraphUrlVar } from '@tsp/shared';

// Adding a subgraph is its folder plus one registry entry (shared/src/config/subgraphs.ts): these checks name
// whatever else a newcomer must still touch, the places that cannot read the registry themselves.
const ROOT = path.resolve(__dirname, '..', '..');
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

test('every folder under subgraphs/ is registered, and every entry has its folder', () => {
  const folders = fs
    .readdirSync(path.join(ROOT, 'subgraphs'))
    .filter((d) => fs.existsSync(path.join(ROOT, 'subgraphs', d, 'package.json')));
  expect([...SUBGRAPHS].sort()).toEqual(folders.sort());
});

test("ports are distinct and none is the gateway's", () => {
  const ports = SUBGRAPH_REGISTRY.map((s) => s.port);
  expect(new Set([...ports, DEFAULT_PORTS.gateway]).size).toBe(ports.length + 1);
});

test('each subgraph has its URL variable, documented', () => {
  for (const name of SUBGRAPHS) expect(Object.keys(ENV_VARS)).toContain(subgraphUrlVar(name));
});

test.each(['tsconfig.json', 'scripts/tsconfig.json', 'test/tsconfig.json'])(
  '%s references every subgraph project (TypeScript project references take no globs)',
  (file) => {
    const base = path.dirname(path.join(ROOT, file));
    const refs = (json(file).references as { path: string }[]).map((r) =>
      path.relative(ROOT, path.resolve(base, r.path)),
    );
    for (const name of SUBGRAPHS) expect(refs).toContain(`subgraphs/${name}`);
  },
);

test('the workspaces take every subgraph folder', () => {
  expect(json('package.json').workspaces).toContain('subgraphs/*');
});
