import fs from 'node:fs';
import path from 'node:path';

// package.json's engines must be what the installed dependencies (package-lock.json) need, no less, no more.
const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

type Version = [number, number, number];
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** One comparator of a node-semver range (`>=20.19.0`, `^22.13.0`, `~14.17`, `20.x`, `*`), for release versions. */
function meets(v: Version, comparator: string): boolean {
  const m = /^(\^|~|>=|<=|>|<|=)?v?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:-[\w.]+)?$/i.exec(comparator);
  if (!m) throw new Error(`unreadable engines comparator ${comparator}`);
  const [, op = '', ...raw] = m;
  const parts = raw.map((p) => (p === undefined || /^[x*]$/i.test(p) ? undefined : Number(p)));
  const base: Version = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
  if (parts[0] === undefined) return true;
  if (op === '>=') return cmp(v, base) >= 0;
  if (op === '>') return cmp(v, base) > 0;
  if (op === '<=') return cmp(v, base) <= 0;
  if (op === '<') return cmp(v, base) < 0;
  if (op === '^') return cmp(v, base) >= 0 && v[0] === base[0];
  if (op === '~') return cmp(v, base) >= 0 && v[0] === base[0] && (parts[1] === undefined || v[1] === base[1]);
  // A bare or `=` version: the parts given must match, missing ones are wildcards.
  return parts.every((p, i) => p === undefined || p === v[i]);
}

function satisfies(v: Version, range: string): boolean {
  return range.split('||').some((alternative) => {
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    return comparators.every((c) => meets(v, c));
  });
}

const needs = Object.entries(lock.packages)
  .flatMap(([name, p]) =>
    p.engines && !Array.isArray(p.engines) && p.engines.node ? [[name || 'root', p.engines.node] as const] : [],
  )
  .filter(([name]) => name !== 'root');

/** The lowest version each alternative of our engines admits: `^22.15.0 || >=24` → 22.15.0 and 24.0.0. */
const lowest = engines.split('||').map((alternative): Version => {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(alternative);
  return [Number(m?.[1]), Number(m?.[2] ?? 0), Number(m?.[3] ?? 0)];
});

test('every installed dependency accepts the lowest Node version engines admits', () => {
  expect(needs.length).toBeGreaterThan(100);
  for (const v of lowest) {
    const refusing = needs.filter(([, range]) => !satisfies(v, range)).map(([name, range]) => `${name}: ${range}`);
    expect([v.join('.'), refusing]).toEqual([v.join('.'), []]);
  }
});

test('engines is no stricter than the dependencies: the version just below each lowest one is refused by one', () => {
  for (const v of lowest) {
    const below: Version = v[2] > 0 ? [v[0], v[1], v[2] - 1] : v[1] > 0 ? [v[0], v[1] - 1, 99] : [v[0] - 1, 99, 99];
    expect([below.join('.'), needs.some(([, range]) => !satisfies(below, range))]).toEqual([below.join('.'), true]);
  }
});

test('the README names the same Node versions', () => {
  for (const v of lowest) expect(read('README.md')).toContain(v[1] || v[2] ? v.join('.') : `≥ ${v[0]}`);
});
