import { loadConfigOrExit } from '@tsp/shared';
import { Client } from 'pg';

import { benchDatabase } from './bench/platform.js';
import { CAUSES, organisationName } from './bench/seed.js';
import { migrateAll } from './migrate.js';

/**
 * Node scripts/dist/bench-search.js [rows]: the public text search (`publications(filter: { text })`) at a
 * province's 500,000 publications, with and without disclosure migration 0007's trigram index. Fills
 * disclosure.publication in SQL (the bench seeder's organisation names and causes), then times the very
 * statement disclosure runs (read/publications.ts) for terms that find one, a few, many and no rows.
 */
const ROWS = Number(process.argv[2] ?? 500_000);
const TEXT = `(p.case_number || ' ' || p.party_name || ' ' || p.summary || ' ' || p.conclusion || ' ' || p.legal_basis)`;
const SQL = `select p.* from disclosure.publication p where (p.status = 'PUBLISHED' and p.publishable and
  (p.expires_on is null or p.expires_on >= $1::date)) and ${TEXT} ilike $2 order by p.published_at desc, p.id desc limit 21`;

async function main() {
  loadConfigOrExit();
  const db = await benchDatabase();
  try {
    await migrateAll(db.url);
    const c = new Client({ connectionString: db.url });
    await c.connect();
    // Filled without the index, which is then built once (as on an existing database migrating).
    const index = (
      await c.query<{ d: string }>(
        `select indexdef as d from pg_indexes where schemaname = 'disclosure' and indexname = 'publication_text_trgm_idx'`,
      )
    ).rows[0].d;
    await c.query('drop index disclosure.publication_text_trgm_idx');
    const t0 = Date.now();
    const names = Array.from({ length: 10_000 }, (_, n) => organisationName(n));
    await c.query(
      `insert into disclosure.publication (id, kind, case_id, agency_id, region, category, party_type, case_number,
         party_name, summary, conclusion, legal_basis, outcome, penalty_kinds, fine_amount, decided_on, due_on, status,
         publishable, published_at, published_by, expires_on)
       select gen_random_uuid(), 'DECISION', gen_random_uuid(), gen_random_uuid(), '基准' || (g % 50) || '县', 'PENALTY',
         case when g % 2 = 1 then 'ORGANIZATION' else 'NATURAL_PERSON' end,
         '基准罚〔2026〕' || (g / 1000) || '-' || (g % 1000 + 1) || '号',
         case when g % 2 = 1 then ($1::text[])[g % 10000 + 1] else '当事人' || (g / 1000) || '-*' end,
         ($2::text[])[g % array_length($2::text[], 1) + 1], '罚款二千元', '《价格法》第四十二条', 'PENALTY', '{FINE}',
         2000, current_date - (g % 700),
         current_date - (g % 700) + 7, 'PUBLISHED', true, now() - (g || ' minutes')::interval, 'bench', current_date + 365
       from generate_series(1, $3::int) g`,
      [names, CAUSES, ROWS],
    );
    const t1 = Date.now();
    await c.query(index);
    await c.query('analyze disclosure.publication');
    const mb = async (rel: string) =>
      ((await c.query<{ b: string }>(`select pg_relation_size($1)::text as b`, [rel])).rows[0].b as unknown as number) /
      2 ** 20;
    console.log(
      `${ROWS} publications (${(await mb('disclosure.publication')).toFixed(0)} MB) in ${((t1 - t0) / 1000).toFixed(0)} s; ` +
        `trigram index built in ${((Date.now() - t1) / 1000).toFixed(0)} s, ` +
        `${(await mb('disclosure.publication_text_trgm_idx')).toFixed(0)} MB`,
    );
    const terms: [string, string][] = [
      ['a case number (1 row)', `基准罚〔2026〕${Math.floor(ROWS / 3000)}-17号`],
      ['an organisation (1 in 10,000)', names[4321]],
      ['an organisation fragment, 4 chars', names[4321].slice(2, 6)],
      ['a cause (1 in 12)', '虚假宣传'],
      ['two characters, common', '超市'],
      ['a term found nowhere', '不存在的字号'],
    ];
    const today = new Date().toISOString().slice(0, 10);
    const time = async () => {
      const out: string[] = [];
      for (const [what, term] of terms) {
        const ms: number[] = [];
        let rows = 0;
        for (let i = 0; i < 5; i++) {
          const s = performance.now();
          rows = (await c.query(SQL, [today, `%${term}%`])).rowCount ?? 0;
          ms.push(performance.now() - s);
        }
        const plan = (await c.query(`explain ${SQL}`, [today, `%${term}%`])).rows.map((r) => r['QUERY PLAN']);
        const scan =
          plan
            .find((l: string) => /Scan/.test(l))
            ?.trim()
            .replace(/\s+\(cost.*$/, '') ?? '';
        out.push(
          `${what.padEnd(36)} ${String(rows).padStart(2)} rows  median ${ms
            .sort((a, b) => a - b)[2]
            .toFixed(1)
            .padStart(7)} ms  ${scan}`,
        );
      }
      return out;
    };
    console.log('with the trigram index (disclosure migration 0007):');
    console.log((await time()).join('\n'));
    await c.query('drop index disclosure.publication_text_trgm_idx');
    console.log('without it:');
    console.log((await time()).join('\n'));
    await c.end();
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
