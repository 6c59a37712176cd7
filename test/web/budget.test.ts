import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The production build's size budget (gzip, as served over the network): a citizen on a phone downloads the entry
 * script and its stylesheet before the first page shows, so those are held small; the dashboard and its charts
 * load only at /supervision. `npm test` builds the app first (npm run build), so this reads the build on disk.
 */
const DIST = path.resolve(__dirname, '../../web/dist');
const ENTRY_BUDGET = 120 * 1024;
const TOTAL_BUDGET = 700 * 1024;

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file)).length;

test('the entry script and stylesheet stay within 120 KB gzip, everything within 700 KB', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  expect(entry.length).toBeGreaterThanOrEqual(1);
  const entryBytes = entry.reduce((n, f) => n + gz(path.join(DIST, f)), 0);
  expect({ entryBytes, within: entryBytes <= ENTRY_BUDGET }).toEqual({ entryBytes, within: true });
  const all = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const totalBytes = all.reduce((n, f) => n + gz(path.join(DIST, 'assets', f)), 0);
  expect({ totalBytes, within: totalBytes <= TOTAL_BUDGET }).toEqual({ totalBytes, within: true });
  // No asset from another host: the pages work offline.
  expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
});
