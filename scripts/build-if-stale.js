#!/usr/bin/env node
// Runs `tsc -b` only when the build is out of date, so `npm run token`, `verify-journal`, `migrate`,
// `rotate-webhook-key` and `compose` start in a second or two when nothing changed (a no-op `tsc -b`
// still takes 9–24 s on a busy machine). Plain JavaScript: it must run before anything is built.
//
// Out of date = a project's tsconfig.tsbuildinfo is missing, or older than a file under its src/, its
// tsconfig.json or package.json, or the root tsconfig.base.json / package.json; or a file named on the
// command line (e.g. scripts/dist/token.js) is missing. Builds are serialised by a lock directory
// (.build.lock, holding the owner's pid), so two commands started together do not run tsc at once; a
// lock whose owner is gone is taken over. `--always` builds regardless (still under the lock).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
// Every folder under subgraphs/ is a subgraph project (shared/src/config/subgraphs.ts lists them in order).
const PROJECTS = [
  'shared',
  ...fs
    .readdirSync(path.join(ROOT, 'subgraphs'))
    .sort()
    .map((name) => `subgraphs/${name}`),
  'gateway',
  'scripts',
];
const LOCK = path.join(ROOT, '.build.lock');

/**
 * Pure decision: why a build is needed, or undefined when it is current.
 * projects: [{ name, builtAt (ms, undefined = never built), inputs: [{ path, mtimeMs }] }];
 * required: [{ path, exists }].
 */
function staleReason(projects, required = []) {
  const missing = required.find((r) => !r.exists);
  if (missing) return `${missing.path} is missing`;
  for (const p of projects) {
    if (p.builtAt === undefined) return `${p.name} was never built`;
    const newer = p.inputs.find((i) => i.mtimeMs > p.builtAt);
    if (newer) return `${newer.path} changed`;
  }
  return undefined;
}

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

function filesUnder(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/** The projects' build times and inputs, read from the file system. */
function scan(root = ROOT) {
  const shared = ['tsconfig.base.json', 'package.json'].map((f) => path.join(root, f));
  return PROJECTS.map((name) => {
    const dir = path.join(root, name);
    const own = ['tsconfig.json', 'package.json'].map((f) => path.join(dir, f));
    const files = [...shared, ...own, ...filesUnder(path.join(dir, 'src'))];
    return {
      name,
      builtAt: mtime(path.join(dir, 'tsconfig.tsbuildinfo')),
      inputs: files.map((f) => ({ path: path.relative(root, f), mtimeMs: mtime(f) ?? 0 })),
    };
  });
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the lock directory, waiting for a live owner (up to 10 minutes) and taking over from a dead one. */
function lock() {
  const until = Date.now() + 10 * 60_000;
  let said = false;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const lockedAt = mtime(LOCK);
    if (lockedAt === undefined) continue; // released meanwhile
    let owner = 0;
    try {
      owner = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8')) || 0;
    } catch {
      // the owner has made the directory but not yet written its pid
    }
    const age = Date.now() - lockedAt;
    // No pid yet is a lock being taken right now, unless it has stayed so for long.
    if ((owner && !alive(owner)) || (!owner && age > 10_000)) {
      fs.rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > until) {
      throw new Error(`${LOCK} is held by process ${owner} for over 10 minutes; remove it if no build is running`);
    }
    if (!said) process.stderr.write(`waiting for another build (process ${owner})…\n`);
    said = true;
    sleep(200);
  }
}

function unlock() {
  fs.rmSync(LOCK, { recursive: true, force: true });
}

function main(argv) {
  const always = argv.includes('--always');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const required = () => wanted.map((p) => ({ path: p, exists: mtime(path.resolve(ROOT, p)) !== undefined }));
  if (!always && !staleReason(scan(), required())) return 0;
  lock();
  try {
    // Another command may have built while this one waited for the lock.
    const reason = always ? 'asked to' : staleReason(scan(), required());
    if (!reason) return 0;
    process.stderr.write(`building (${reason}): tsc -b\n`);
    const tsc = require.resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-b'], { cwd: ROOT, stdio: 'inherit' });
    return r.status ?? 1;
  } finally {
    unlock();
  }
}

module.exports = { staleReason, scan, PROJECTS };

if (require.main === module) process.exit(main(process.argv.slice(2)));
