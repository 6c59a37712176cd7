import path from 'node:path';
import { Worker } from 'node:worker_threads';

import type { ProvinceLayout } from '@tsp/scripts/bench/province';
import type { BenchData } from '@tsp/scripts/bench/seed';

const PROVINCE_MODULE = path.resolve(__dirname, '..', '..', 'scripts', 'dist', 'bench', 'province.js');

/**
 * The bench's growProvince (built: run `npx tsc -b` first) in a worker thread. Seeding 10,000 cases leaves
 * hundreds of MB of garbage; in the test's own heap it could push the jest worker past workerIdleMemoryLimit,
 * and a worker restarted as the run ends is reported as one that "failed to exit gracefully". The thread's heap
 * goes with the thread.
 */
export function growProvinceApart(
  url: string,
  have: number,
  cases: number,
  data: BenchData | null,
  layout: ProvinceLayout,
): Promise<{ agencies: number; data: BenchData }> {
  const worker = new Worker(
    `const { parentPort, workerData: w } = require('node:worker_threads');
     require(w.module)
       .growProvince(w.url, w.have, w.cases, w.data, () => undefined, w.layout)
       .then((r) => parentPort.postMessage(r));`,
    { eval: true, workerData: { module: PROVINCE_MODULE, url, have, cases, data, layout } },
  );
  return new Promise((resolve, reject) => {
    let done = false;
    worker.once('message', (r) => {
      done = true;
      // Resolved once the thread is gone, so nothing of it outlives the call.
      void worker.terminate().then(() => resolve(r), reject);
    });
    // A rejection in the thread is an uncaught error there: 'error', then 'exit'.
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`growProvince's thread exited with ${code} and no result`));
    });
  });
}
