import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SUPERGRAPH_PATH } from '@tsp/gateway';
import { SUBGRAPHS } from '@tsp/shared';

// Docker does not run on the development machines, so the Dockerfile is kept honest by test: its instructions
// are checked, and the shell steps that choose which files go into the image are run here against this checkout.
const ROOT = path.resolve(__dirname, '..', '..');
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  workspaces: string[];
  engines: { node: string };
};

interface Stage {
  image: string;
  name: string;
  lines: string[];
}

/** The Dockerfile's stages in order, each with its instructions (continuations joined, comments dropped). */
function stages(): Stage[] {
  const out: Stage[] = [];
  const text = fs
    .readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n\s*/g, '');
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const from = /^FROM\s+(\S+)\s+AS\s+(\S+)$/i.exec(line);
    if (from) out.push({ image: from[1], name: from[2], lines: [] });
    else if (out.length) out[out.length - 1].lines.push(line);
    else throw new Error(`instruction before the first named FROM: ${line}`);
  }
  return out;
}

/** Every workspace folder, with package.json's globs (subgraphs/*) expanded as npm does. */
function workspaceFolders(): string[] {
  return rootPackage.workspaces.flatMap((w) =>
    w.endsWith('/*') ? fs.readdirSync(path.join(ROOT, w.slice(0, -2))).map((d) => `${w.slice(0, -2)}/${d}`) : [w],
  );
}

const [manifests, build, runtime, ...extra] = stages();

test('three stages, manifests, build and runtime, on the same Node LTS slim image', () => {
  expect(extra).toEqual([]);
  expect([manifests?.name, build?.name, runtime?.name]).toEqual(['manifests', 'build', 'runtime']);
  expect(build.image).toMatch(/^node:(22|24)-bookworm-slim$/);
  expect(new Set([manifests.image, build.image, runtime.image]).size).toBe(1);
});

test("the image's Node major is one package.json engines admits", () => {
  const major = /^node:(\d+)-/.exec(runtime.image)?.[1];
  const admitted = rootPackage.engines.node.split('||').map((r) => /\d+/.exec(r)?.[0]);
  expect(admitted).toContain(major);
});

test('the build stage installs every dependency from the manifests, then compiles the sources', () => {
  const install = build.lines.indexOf('RUN npm install --no-audit --no-fund');
  expect(build.lines.indexOf('COPY --from=manifests /manifests/ ./')).toBeLessThan(install);
  expect(build.lines.indexOf('COPY . .')).toBeGreaterThan(install);
  expect(build.lines.some((l) => l.startsWith('RUN npx tsc -b &&'))).toBe(true);
});

test('the runtime stage installs production dependencies only, and holds no sources and no compiler', () => {
  const installs = runtime.lines.filter((l) => /^RUN npm (ci|install)\b/.test(l));
  expect(installs).toHaveLength(1);
  expect(installs[0]).toMatch(/^RUN npm (ci|install) --omit=dev\b/);
  expect(runtime.lines.indexOf('COPY --from=manifests /manifests/ ./')).toBeLessThan(
    runtime.lines.indexOf(installs[0]),
  );
  expect(runtime.lines.filter((l) => /^(COPY|ADD) \.\s/.test(l) || /tsc/.test(l))).toEqual([]);
  expect(runtime.lines.filter((l) => l.startsWith('COPY --from=build'))).toEqual(['COPY --from=build /out/ ./']);
  expect(runtime.lines).toContain('ENV HOST=0.0.0.0 NODE_ENV=production');
});

describe("the image's files, chosen by the Dockerfile's own shell steps run on this checkout", () => {
  let tmp: string;
  const run = (stage: Stage, starts: string, drop = '') => {
    const step = stage.lines.find((l) => l.startsWith(starts));
    if (!step) throw new Error(`no step starting ${starts}`);
    const script = step
      .slice('RUN '.length)
      .replace(drop, '')
      .replace(/\/(manifests|out)\b/g, `${tmp}/$1`);
    execFileSync('sh', ['-c', script], { cwd: ROOT });
  };

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockerfile-'));
    run(manifests, 'RUN mkdir /manifests');
    // The compile and the web build are the build's own (npm test runs both first); what follows picks the files.
    run(build, 'RUN npx tsc -b &&', 'npx tsc -b && npm run build -w web &&');
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('every workspace is found, every subgraph among them', () => {
    const folders = workspaceFolders();
    for (const name of SUBGRAPHS) expect(folders).toContain(`subgraphs/${name}`);
    expect(folders.length).toBe(SUBGRAPHS.length + 4);
  });

  test("the dependency layer holds exactly the lockfile and every workspace's package.json", () => {
    const found = execFileSync('find', ['.', '-type', 'f'], { cwd: `${tmp}/manifests`, encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.slice(2))
      .sort();
    expect(found).toEqual(
      ['package-lock.json', 'package.json', ...workspaceFolders().map((w) => `${w}/package.json`)].sort(),
    );
  });

  test("the runtime gets every workspace's package.json and compiled dist/ (the web app's built pages), the supergraph, and no sources", () => {
    for (const ws of workspaceFolders()) {
      expect([ws, fs.existsSync(`${tmp}/out/${ws}/package.json`)]).toEqual([ws, true]);
      const entry = ws === 'web' ? 'index.html' : 'index.js';
      expect([ws, fs.existsSync(`${tmp}/out/${ws}/dist/${entry}`) || ws === 'scripts']).toEqual([ws, true]);
      expect([ws, fs.existsSync(`${tmp}/out/${ws}/src`)]).toEqual([ws, false]);
    }
    expect(fs.existsSync(`${tmp}/out/scripts/dist/run-service.js`)).toBe(true);
    expect(fs.existsSync(path.join(tmp, 'out', path.relative(ROOT, SUPERGRAPH_PATH)))).toBe(true);
  });
});

test('the runtime runs as the unprivileged node user, who owns the attachment folder', () => {
  const users = runtime.lines.filter((l) => l.startsWith('USER '));
  expect(users).toEqual(['USER node']);
  expect(runtime.lines[runtime.lines.length - 1]).toBe('USER node');
  expect(runtime.lines).toContain('RUN mkdir -p /var/lib/tsp/blobs && chown node:node /var/lib/tsp/blobs');
});
