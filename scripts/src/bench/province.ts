import { Client } from 'pg';

import { BENCH_REGION, type BenchData, seedBench } from './seed.js';

/** A province: 1,000 agencies of 1,000 cases in 50 regions of 20 (README § Performance, province scale). */
export const PROVINCE = { agencies: 1000, casesPerAgency: 1000, regionAgencies: 20 } as const;

/** How a province is cut: cases an agency, agencies a region (smaller regions let a test reach a second one sooner). */
export interface ProvinceLayout {
  casesPerAgency: number;
  regionAgencies: number;
}

const regionName = (r: number) => (r === 0 ? BENCH_REGION : `基准${r + 1}县`);

/** '10k,100k,1M' → case counts. */
export function parseSizes(s: string): number[] {
  return s.split(',').map((x) => {
    const m = /^(\d+(?:\.\d+)?)([kM]?)$/.exec(x.trim());
    if (!m) throw new Error(`--sizes: ${x} is not a case count such as 10k or 1M`);
    return Math.round(Number(m[1]) * (m[2] === 'M' ? 1e6 : m[2] === 'k' ? 1e3 : 1));
  });
}

/**
 * Grows the province's database from `have` agencies to those `cases` need, region by region (each seed
 * call holds one region's rows in memory at most: 20,000 cases, 120,000 entries in PROVINCE's layout), then
 * analyzes.
 * The measured region is the first: its agencies and search terms are merged into `data`.
 */
export async function growProvince(
  url: string,
  have: number,
  cases: number,
  data: BenchData | null,
  say: (m: string) => void,
  layout: ProvinceLayout = PROVINCE,
): Promise<{ agencies: number; data: BenchData }> {
  const want = Math.max(1, Math.ceil(cases / layout.casesPerAgency));
  let a = have;
  while (a < want) {
    const r = Math.floor(a / layout.regionAgencies);
    const n = Math.min(want, (r + 1) * layout.regionAgencies) - a;
    const t0 = Date.now();
    const d = await seedBench(
      url,
      {
        agencies: n,
        casesPerAgency: layout.casesPerAgency,
        officersPerAgency: 10,
        shape: 'province',
        firstAgency: a,
      },
      () => undefined,
      regionName(r),
    );
    a += n;
    if (!data) data = d;
    else {
      if (r === 0) data.agencies.push(...d.agencies);
      for (const [k, v] of Object.entries(d.counts)) data.counts[k] = (data.counts[k] ?? 0) + v;
    }
    say(`region ${r + 1}: ${n} agencies seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${a} agencies`);
    // Only the measured region's cases are drawn from: the rest need not stay in memory.
    if (r > 0) d.agencies.length = 0;
  }
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('analyze');
  } finally {
    await db.end();
  }
  return { agencies: a, data: data! };
}
