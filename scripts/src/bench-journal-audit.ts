import os from 'node:os';

// Importing the records service registers its entry source (the audit re-hashes real entries through it).
import { records } from '@tsp/records';
import { ChangeWatch, type JournalAuditOptions, runJournalAudit } from '@tsp/records/dist/journal/index.js';
import { loadConfigOrExit, openOrm } from '@tsp/shared';
import { Client } from 'pg';

import { benchDatabase } from './bench/platform.js';
import { seedBench } from './bench/seed.js';
import { migrateAll } from './migrate.js';

/**
 * Cost of the journal's self-audit at about 10^5 real entries (not a test; run by hand):
 *   node scripts/dist/bench-journal-audit.js      (BENCH_CASES=… cases per agency, 20 agencies; default 1,570)
 * Seeds with bulk SQL (bench/seed.ts), then times the frequent run with nothing changed, its parts
 * (change marks, suspect query), the run after an entry or a node was updated behind the service's
 * back, and a full sweep. Uses DATABASE_URL or a throwaway embedded PostgreSQL (fsync on).
 */
const CASES = loadConfigOrExit().BENCH_CASES;
const t0 = Date.now();
const say = (m: string) =>
  process.stdout.write(`bench-journal-audit [${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${m}\n`);

async function main() {
  const db = await benchDatabase();
  const c = new Client({ connectionString: db.url });
  const orm = await (async () => {
    await migrateAll(db.url);
    await seedBench(db.url, { agencies: 20, casesPerAgency: CASES, officersPerAgency: 10 }, say);
    await c.connect();
    return openOrm({ schema: 'records', clientUrl: db.url, entities: records.db.entities, migrations: [] });
  })();
  const rows: [string, string][] = [];
  try {
    const [{ n }] = (await c.query(`select count(*)::int as n from records.journal_leaf`)).rows;
    say(`${n} entries seeded`);
    // The seed writes entries and leaves in different transactions (an import would too); make each entry's
    // rows share one transaction with its leaf, as records' own writes do, so "suspects" means what it does
    // live.
    const tables = ['record_entry', 'attachment', 'journal_leaf'];
    const triggers = (on: boolean) =>
      tables.map((t) => `alter table records.${t} ${on ? 'enable' : 'disable'} trigger user;`).join('');
    await c.query(`begin; ${triggers(false)} update records.record_entry set summary = summary;
      update records.attachment set name = name; update records.journal_leaf set idx = idx; ${triggers(true)} commit`);
    await c.query('vacuum analyze');

    const watch = new ChangeWatch();
    const time = async (o: JournalAuditOptions) => {
      const s = performance.now();
      const r = await runJournalAudit(orm.em.fork(), o);
      if (!r?.ok) throw new Error(`audit failed: ${JSON.stringify(r?.problems)}`);
      return { ms: performance.now() - s, r };
    };
    const median = async (k: number, f: () => Promise<number>) => {
      const xs: number[] = [];
      for (let i = 0; i < k; i++) xs.push(await f());
      return xs.sort((a, b) => a - b)[Math.floor(k / 2)];
    };
    const fmt = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0);

    let first = 0;
    for (let r = await time({ sweep: false }); ; r = await time({ sweep: false })) {
      first += r.ms;
      if (!r.r.pending) break;
    }
    rows.push([`first audit of ${n} new leaves, every entry re-hashed, runs of 50,000 (ms)`, fmt(first)]);
    // A pass of the change check: one window of entries per run until every entry was re-hashed.
    const drain = async () => {
      let ms = 0;
      let runs = 0;
      while (watch.rehashing) {
        ms += (await time({ sweep: false, watch })).ms;
        runs++;
      }
      return `${fmt(ms)} in ${runs} runs`;
    };
    const firstWatched = await time({ sweep: false, watch });
    rows.push([
      'frequent run, first of its process: whole tree in SQL + suspects + first entry window (ms)',
      fmt(firstWatched.ms),
    ]);
    rows.push(['  the rest of its all-entries pass, a window per run (total ms)', await drain()]);
    rows.push([
      'frequent run, nothing changed (median of 7, ms)',
      fmt(await median(7, async () => (await time({ sweep: false, watch })).ms)),
    ]);
    const em = orm.em.fork();
    rows.push([
      '  of which: change marks from pg_stat_user_tables (median of 7, ms)',
      fmt(
        await median(7, async () => {
          const s = performance.now();
          await em.execute(`select n_tup_upd, n_tup_del, pg_relation_filenode(relid)
        from pg_stat_user_tables where schemaname = 'records'`);
          return performance.now() - s;
        }),
      ),
    ]);
    const { journalEntrySource } = await import('@tsp/records/dist/journal/entry-source.js');
    const { AUDIT_MAX_SUSPECTS } = await import('@tsp/records/dist/journal/audit.js');
    rows.push([
      'suspect query alone (xmin of entries and attachments vs. their leaf; median of 5, ms)',
      fmt(
        await median(5, async () => {
          const s = performance.now();
          await journalEntrySource()!.suspects!(orm.em.fork(), AUDIT_MAX_SUSPECTS + 1);
          return performance.now() - s;
        }),
      ),
    ]);

    // Behind the service's back: a no-op UPDATE still writes a new row version, which is what is detected.
    // Each in its own session: PostgreSQL counts a session's updates when it ends (a live one within seconds).
    const tamper = async (statements: string) => {
      const t = new Client({ connectionString: db.url });
      await t.connect();
      await t.query(statements).finally(() => t.end());
    };
    await tamper(`alter table records.record_entry disable trigger user;
      update records.record_entry set summary = summary
       where id = (select entry_id from records.journal_leaf where idx = ${Math.floor(n / 2)});
      alter table records.record_entry enable trigger user`);
    const afterEntry = await time({ sweep: false, watch });
    rows.push([
      `frequent run after an entry UPDATE: suspects + ${afterEntry.r.entriesChecked} re-hashed (ms)`,
      fmt(afterEntry.ms),
    ]);
    await tamper(`alter table records.journal_node disable trigger user;
      update records.journal_node set hash = hash where level = 1 and idx = 0;
      alter table records.journal_node enable trigger user`);
    rows.push([
      'frequent run after a journal_node UPDATE: whole tree in SQL + first entry window (ms)',
      fmt((await time({ sweep: false, watch })).ms),
    ]);
    rows.push(['  the rest of that all-entries pass, a window per run (total ms)', await drain()]);

    let sweep = 0;
    let windows = 0;
    for (;;) {
      const r = await time({ sweep: true });
      sweep += r.ms;
      windows++;
      if (r.r.sweptTo === r.r.fromSize) break;
    }
    rows.push([`full sweep: ${windows} windows of 16,384 leaves, nodes and entries re-hashed (total ms)`, fmt(sweep)]);
  } finally {
    await c.end().catch(() => undefined);
    await orm.close();
    await db.stop();
  }
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(`\n| measure (load average ${load}, ${os.cpus().length} cores) | value |\n|---|---|`);
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
