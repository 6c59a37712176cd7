import fs from 'node:fs';
import path from 'node:path';
import { SUPERGRAPH_PATH } from '@tsp/gateway';

// Docker does not run on the development machines, so the Dockerfile is kept honest by test.
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

/** The Dockerfile's stages in order, each with its instructions (comments and blank lines dropped). */
function stages(): Stage[] {
  const out: Stage[] = [];
  for (const raw of fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)\s+AS\s+(\S+)$/i.exec(line);
    if (from) out.push({ image: from[1], name: from[2], lines: [] });
    else if (out.length) out[out.length - 1].lines.push(line);
    else throw new Error(`instruction before the first named FROM: ${line}`);
  }
  return out;
}

const [build, runtime, ...extra] = stages();

test('two stages, build then runtime, on the same Node LTS slim image', () => {
  expect(extra).toEqual([]);
  expect([build?.name, runtime?.name]).toEqual(['build', 'runtime']);
  expect(build.image).toMatch(/^node:(22|24)-bookworm-slim$/);
  expect(runtime.image).toBe(build.image);
});

test('the image\'s Node major is one package.json engines admits', () => {
  const major = /^node:(\d+)-/.exec(runtime.image)?.[1];
  const admitted = rootPackage.engines.node.split('||').map((r) => /\d+/.exec(r)?.[0]);
  expect(admitted).toContain(major);
});

test('the build stage installs every dependency and compiles', () => {
  expect(build.lines).toContain('RUN npm install --no-audit --no-fund');
  expect(build.lines).toContain('COPY . .');
  expect(build.lines).toContain('RUN npx tsc -b');
});

test('the runtime stage installs production dependencies only, and holds no sources and no compiler', () => {
  const installs = runtime.lines.filter((l) => /^RUN npm (ci|install)\b/.test(l));
  expect(installs).toHaveLength(1);
  expect(installs[0]).toMatch(/^RUN npm (ci|install) --omit=dev\b/);
  expect(runtime.lines.filter((l) => /^(COPY|ADD) \.\s/.test(l) || /tsc/.test(l))).toEqual([]);
  expect(runtime.lines).toContain('ENV HOST=0.0.0.0 NODE_ENV=production');
});

test('the runtime stage copies every workspace\'s package.json (for its link) and compiled dist/ from the build', () => {
  expect(rootPackage.workspaces.length).toBeGreaterThanOrEqual(7);
  const installAt = runtime.lines.findIndex((l) => l.startsWith('RUN npm'));
  for (const ws of rootPackage.workspaces) {
    const manifest = runtime.lines.indexOf(`COPY ${ws}/package.json ${ws}/`);
    expect([ws, manifest >= 0 && manifest < installAt]).toEqual([ws, true]);
    expect([ws, runtime.lines]).toEqual([ws, expect.arrayContaining([`COPY --from=build /app/${ws}/dist ${ws}/dist`])]);
    expect(fs.existsSync(path.join(ROOT, ws, 'package.json'))).toBe(true);
  }
  const copiedFromBuild = runtime.lines.filter((l) => l.startsWith('COPY --from=build'));
  const supergraph = path.relative(ROOT, SUPERGRAPH_PATH);
  expect(copiedFromBuild).toContain(`COPY --from=build /app/${supergraph} ${path.dirname(supergraph)}/`);
  expect(copiedFromBuild).toHaveLength(rootPackage.workspaces.length + 1);
});

test('the runtime runs as the unprivileged node user, who owns the attachment folder', () => {
  const users = runtime.lines.filter((l) => l.startsWith('USER '));
  expect(users).toEqual(['USER node']);
  expect(runtime.lines[runtime.lines.length - 1]).toBe('USER node');
  expect(runtime.lines).toContain('RUN mkdir -p /var/lib/tsp/blobs && chown node:node /var/lib/tsp/blobs');
});
