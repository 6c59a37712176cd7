import fs from 'node:fs';

export default async function globalTeardown() {
  const h = globalThis.__TSP_PG__;
  if (!h) return;
  await h.pg.stop();
  fs.rmSync(h.parent, { recursive: true, force: true });
}
