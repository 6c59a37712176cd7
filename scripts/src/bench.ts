import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { JOURNAL_AUDIT_LOCK } from '@tsp/records/dist/journal/index.js';
import { childEnv, config, loadConfigOrExit } from '@tsp/shared';
import { Client } from 'pg';

import { startInstances } from './bench/instances.js';
import { type LoadOptions, measure, type Measurement, quiesce, verifySameAnswers, warm } from './bench/measure.js';
import { checkOnce, lastAuditSeq, type OnceReport, registerHooks } from './bench/once.js';
import {
  BENCH_DIR,
  benchDatabase,
  ensureBenchInstalled,
  PEERS,
  type Running,
  startServices,
} from './bench/platform.js';
import { growProvince, parseSizes } from './bench/province.js';
import { startHookReceiver } from './bench/receiver.js';
import {
  growthTable,
  type InstancesPhase,
  instancesRatios,
  instancesTable,
  ratios,
  ratioTable,
  table,
} from './bench/report.js';
import type { RoundRobin } from './bench/round-robin.js';
import { type Scenario, scenarios, type Target } from './bench/scenarios.js';
import { type BenchData, type BenchSize, seedBench } from './bench/seed.js';
import { migrateAll } from './migrate.js';

/**
 * Npm run bench [-- --quick] [-- --journal]: seeds a large data set with bulk SQL, starts the four
 * subgraphs, our gateway and Hive Gateway as separate processes on free ports, and measures the four
 * requests of README § Performance with autocannon (its own process) via our gateway, via Hive Gateway and, where
 * one subgraph owns the request, directly: every figure is a ratio taken in the same run.
 * Prints a table and writes bench/results.json. The full run ends with the journal benchmark
 * (scripts/dist/bench-journal.js); --quick skips it unless --journal is given. --keep seeds, starts and
 * leaves the platform running for profiling instead of measuring. --instances 2 compares one set of the platform
 * with two behind a balancer instead (see instances()).
 */
const QUICK = process.argv.includes('--quick');
const JOURNAL = !QUICK || process.argv.includes('--journal');
const SIZE: BenchSize = QUICK
  ? { agencies: 5, casesPerAgency: 100, officersPerAgency: 10 }
  : { agencies: 20, casesPerAgency: 500, officersPerAgency: 10 };
const CONNECTIONS = QUICK ? [10] : [10, 50];
const TIMING = QUICK ? { duration: 2, warmup: 1 } : { duration: 10, warmup: 2 };

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SCALE = arg('--scale');
const INSTANCES = arg('--instances');
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const t0 = Date.now();
const say = (m: string) =>
  process.stdout.write(`\x1b[1mbench\x1b[0m [${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${m}\n`);

/**
 * Each request via our gateway, both Hive Gateways and the owning subgraph, at each connection count.
 * `warmRound`: a full-length unmeasured load through every target before the first measured one.
 */
async function measureAll(
  run: Running,
  list: Scenario[],
  connectionList: number[],
  timing: { duration: number; warmup: number },
  warmRound: boolean,
  only?: Target[],
): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const s of list) {
    const targets: Target[] = only ?? ['gateway', ...PEERS, ...(s.owner ? (['direct'] as const) : [])];
    await verifySameAnswers(run, s, targets);
    // The issue's target for the findings is at 10 clients; at 50 a full-size run only piles up work.
    const connectionCounts = s.key === 'findings' ? [connectionList[0]] : connectionList;
    // Node's optimising compiler needs 10-20 s of this request's load before the subgraphs reach
    // their steady speed (they take twice the CPU per request at first, and again after a minute
    // idle): warm through every target for a full load's length, so the first measured is not penalised.
    // --quick is a smoke check that must stay under two minutes: it skips this round.
    for (const t of warmRound ? targets : []) {
      await quiesce(run, say);
      await warm(
        run,
        s,
        t,
        { connections: connectionCounts[0], duration: timing.duration, warmup: timing.duration },
        say,
      );
    }
    for (const connections of connectionCounts) {
      for (const t of targets) {
        // A findings request took seconds at full size: give it a window that holds several (not in --quick).
        const o: LoadOptions = {
          connections,
          ...timing,
          duration: s.key === 'findings' && !QUICK ? timing.duration * 2 : timing.duration,
        };
        // Requests the load generator gave up on may still be running: start from quiet servers.
        await quiesce(run, say);
        const m = await measure(run, s, t, o, say);
        say(
          `${s.key.padEnd(12)} via ${t.padEnd(9)} c=${String(connections).padStart(2)}: ${m.rps.toFixed(1)} req/s, p50 ${m.p50?.toFixed(0) ?? '–'} ms, p95 ${m.p95?.toFixed(0) ?? '–'} ms, first ${m.firstMs.toFixed(0)} ms, alone ${m.aloneMs.toFixed(1)} ms, ${m.sqlPerRequest.toFixed(2)} SQL/req${m.non2xx + m.errors + m.graphqlErrors ? `, ${m.non2xx} non-2xx, ${m.errors} errors, ${m.graphqlErrors} GraphQL errors` : ''}`,
        );
        results.push(m);
      }
    }
  }
  return results;
}

async function main() {
  loadConfigOrExit();
  await ensureBenchInstalled(say);
  if (SCALE === 'province') return province();
  if (SCALE) throw new Error(`--scale ${SCALE}: only province is known`);
  if (INSTANCES && INSTANCES !== '2') throw new Error(`--instances ${INSTANCES}: only 2 is known`);
  if (INSTANCES) return instances();
  const db = await benchDatabase();
  let stopServices: (() => Promise<void>) | null = null;
  try {
    say(
      `database ${config().DATABASE_URL ? 'on DATABASE_URL (fresh database)' : 'embedded PostgreSQL (throwaway)'}; migrating`,
    );
    await migrateAll(db.url);
    say(
      `seeding ${SIZE.agencies} agencies × ${SIZE.casesPerAgency} cases, ${SIZE.agencies * SIZE.officersPerAgency} officers (bulk SQL)`,
    );
    const data = await seedBench(db.url, SIZE, (m) => say(`seed: ${m}`));
    say('starting the subgraphs, our gateway and Hive Gateway (JavaScript and Rust query planner)');
    const run = await startServices(db.url);
    stopServices = run.stop;
    const list = await scenarios(data);
    if (process.argv.includes('--keep')) return await keep(run.urls, list);
    const results = await measureAll(run, list, CONNECTIONS, TIMING, !QUICK);
    await run.stop();
    stopServices = null;
    const journal = JOURNAL ? await journalBench(db.admin) : null;
    const rs = ratios(results);
    const machine = {
      cores: os.cpus().length,
      cpu: cpuModel(),
      node: process.version,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
    };
    const out = {
      when: new Date().toISOString(),
      mode: QUICK ? 'quick' : 'full',
      machine,
      data: data.counts,
      timing: { ...TIMING, connections: CONNECTIONS },
      results,
      ratios: rs,
      journal,
    };
    fs.writeFileSync(path.join(BENCH_DIR, 'results.json'), JSON.stringify(out, null, 2));
    console.log(
      `\n${QUICK ? 'quick' : 'full'} benchmark — ${machine.cores} cores (${machine.cpu}), Node ${machine.node}; data: ${Object.entries(
        data.counts,
      )
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
    console.log(
      `each load ${TIMING.duration}s after ${TIMING.warmup}s warm-up; SQL/req: statements the four subgraphs ran for the requests (results.json also has all statements, background included)\n`,
    );
    console.log(table(results));
    console.log(`\n${ratioTable(rs)}`);
    if (journal) console.log(`\n${journal.join('\n')}`);
    console.log(`\nwritten bench/results.json in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  } finally {
    await stopServices?.();
    await db.stop();
  }
}

/**
 * --scale province [--sizes 10k,100k,1M]: one database grown step by step to each case count (a province:
 * 1,000 agencies in 50 regions at 1M, see bench/province.ts); at each step the services are restarted on
 * it and the six requests measured at 10 connections. Writes bench/results-province.json after each step.
 */
async function province() {
  const sizes = parseSizes(arg('--sizes') ?? '10k,100k,1M');
  const timing = { duration: 5, warmup: 2 };
  const db = await benchDatabase();
  let run: Running | null = null;
  const steps: {
    cases: number;
    counts: Record<string, number>;
    seedSeconds: number;
    load: string;
    journal: { leaves: number; audited: number };
    results: Measurement[];
  }[] = [];
  try {
    say(`province scale, steps ${sizes.join(', ')} cases; migrating`);
    await migrateAll(db.url);
    let agencies = 0;
    let data: BenchData | null = null;
    for (const cases of sizes) {
      const s0 = Date.now();
      ({ agencies, data } = await growProvince(db.url, agencies, cases, data, (m) => say(`seed: ${m}`)));
      const seedSeconds = (Date.now() - s0) / 1000;
      say(
        `${data.counts.cases} cases: ${Object.entries(data.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')} (seeded in ${seedSeconds.toFixed(0)} s)`,
      );
      // The audit's catch-up over a freshly imported journal (about 26 min of one core at 1M) would run beside the
      // loads: its lock is held so every step measures the steady state; bench-journal-audit measures the audit.
      const audit = await holdJournalAudit(db.url);
      run = await startServices(db.url);
      const list = await scenarios(data, true);
      const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      // With the warm round: without it the target measured first pays for the JIT (see measureAll).
      const results = await measureAll(run, list, [10], timing, true);
      const loadAfter = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      await run.stop();
      await audit.release();
      const journal = await journalAuditState(db.url);
      say(`journal: ${journal.leaves} leaves, ${journal.audited} audited (the audit was held off during the step)`);
      run = null;
      steps.push({
        cases: data.counts.cases,
        counts: { ...data.counts },
        seedSeconds,
        load: `${load} → ${loadAfter}`,
        journal,
        results,
      });
      console.log(
        `\n${data.counts.cases} cases (load average ${load} → ${loadAfter})\n${table(results)}\n${ratioTable(ratios(results))}\n`,
      );
      fs.writeFileSync(
        path.join(BENCH_DIR, 'results-province.json'),
        JSON.stringify(
          { when: new Date().toISOString(), cores: os.cpus().length, cpu: cpuModel(), timing, steps },
          null,
          2,
        ),
      );
    }
    console.log(growthTable(steps));
    console.log(`\nwritten bench/results-province.json in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  } finally {
    await run?.stop();
    await db.stop();
  }
}

/** Takes the journal audit's advisory lock in an open transaction: records' audit runs find it taken and skip. */
async function holdJournalAudit(url: string): Promise<{ release(): Promise<void> }> {
  const c = new Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  await c.query('begin');
  await c.query('select pg_advisory_xact_lock($1)', [JOURNAL_AUDIT_LOCK]);
  return {
    async release() {
      await c.query('rollback').catch(() => undefined);
      await c.end();
    },
  };
}

/** How far records' self-audit got: it is held off during each step (holdJournalAudit). */
async function journalAuditState(url: string): Promise<{ leaves: number; audited: number }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ leaves: string; audited: string }>(
      `select (select count(*) from records.journal_leaf)::text as leaves,
              (select coalesce(max(tree_size), 0) from records.journal_audit where ok)::text as audited`,
    );
    return { leaves: Number(rows[0].leaves), audited: Number(rows[0].audited) };
  } finally {
    await c.end();
  }
}

/**
 * --instances 2 [--quick]: the same seeded data measured through (a) a balancer, one gateway and one instance of
 * each subgraph, then (b) the balancer, two gateways and two instances of each (bench/instances.ts), with the usual
 * timing and warm-up rules; our gateway only, so no peers share the cores. Two webhook endpoints take every append
 * and the journal audit runs every 5 s in both, so the background work that must happen once runs throughout; after
 * (b)'s load the database is checked for events consumed twice, webhooks delivered twice and overlapping audits.
 * Writes bench/results.json.
 */
async function instances() {
  const db = await benchDatabase();
  const receiver = await startHookReceiver();
  let run: (Running & { balancer: RoundRobin }) | null = null;
  const env = { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', JOURNAL_AUDIT_INTERVAL_MS: '5000' };
  const phases: InstancesPhase[] = [];
  let once: OnceReport | null = null;
  try {
    say('one vs two instances; migrating');
    await migrateAll(db.url);
    const data = await seedBench(db.url, SIZE, (m) => say(`seed: ${m}`));
    let endpoints: string[] = [];
    for (const count of [1, 2]) {
      const before = loadavg();
      say(`load average ${before}; starting ${count} gateway(s) and ${count} instance(s) of each subgraph`);
      run = await startInstances(db.url, count, env);
      if (!endpoints.length) endpoints = await registerHooks(run.urls.gateway, receiver, data.agencies[0].id);
      const auditSeq = await lastAuditSeq(db.url);
      const results = await measureAll(run, await scenarios(data), CONNECTIONS, TIMING, !QUICK, ['gateway']);
      if (count === 2) once = await checkOnce(db.url, endpoints, receiver, auditSeq, say);
      const after = loadavg();
      phases.push({ instances: count, load: `${before} → ${after}`, handed: [...run.balancer.handed], results });
      await run.stop();
      run = null;
    }
    const [one, two] = phases.map((p) => p.results);
    const machine = { cores: os.cpus().length, cpu: cpuModel(), node: process.version };
    fs.writeFileSync(
      path.join(BENCH_DIR, 'results.json'),
      JSON.stringify(
        {
          when: new Date().toISOString(),
          mode: `instances${QUICK ? ' quick' : ''}`,
          machine,
          data: data.counts,
          timing: { ...TIMING, connections: CONNECTIONS },
          phases,
          ratios: instancesRatios(one, two),
          once,
        },
        null,
        2,
      ),
    );
    console.log(
      `
one vs two instances${QUICK ? ' (quick)' : ''} — ${machine.cores} cores (${machine.cpu}), Node ${machine.node}; each load ${TIMING.duration}s after ${TIMING.warmup}s warm-up, via the balancer`,
    );
    for (const p of phases)
      console.log(`${p.instances}×: load average ${p.load}; connections per gateway ${p.handed.join(' / ')}`);
    console.log(`
${instancesTable(one, two)}
`);
    if (once) {
      console.log(
        `once: ${once.appended} RecordAppended; ${once.consumers.map((c) => `${c.consumer} inbox ${c.inbox} of ${c.events}`).join(', ')}`,
      );
      console.log(
        `      webhooks ${once.webhooks.map((w) => `${w.endpoint} ${w.delivered} delivered, ${w.received} received, ${w.repeatsInLog + w.repeatsReceived} twice`).join('; ')}`,
      );
      console.log(
        `      journal audits ${once.audits.runs} (${once.audits.runsSince} with two instances), ${once.audits.failed} failed, ${once.audits.breaks} overlapping, ${once.audits.coveredOnce ? 'each leaf once' : 'leaves NOT covered once'}, ${once.checkpointRepeats} checkpoints twice; caught up in ${once.drainSeconds.toFixed(0)} s`,
      );
      console.log(`      ${once.ok ? 'OK: everything once' : 'FAILED: see bench/results.json "once"'}`);
    }
    console.log(`
written bench/results.json in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
    if (once && !once.ok) process.exitCode = 1;
  } finally {
    await run?.stop();
    await receiver.close();
    await db.stop();
  }
}

/** --keep: leave the seeded platform running for profiling; prints what to send. Ctrl-C stops. */
async function keep(urls: Record<string, string>, list: Awaited<ReturnType<typeof scenarios>>): Promise<void> {
  fs.writeFileSync(
    path.join(os.tmpdir(), 'tsp-bench-keep.json'),
    JSON.stringify({ urls, scenarios: list.map((s) => ({ ...s, bodies: s.bodies.slice(0, 3) })) }, null, 2),
  );
  say(`running; urls and sample requests in ${path.join(os.tmpdir(), 'tsp-bench-keep.json')}; Ctrl-C stops`);
  const alive = setInterval(() => undefined, 60_000);
  await new Promise<void>((resolve) =>
    ['SIGINT', 'SIGTERM'].forEach((sig) => process.once(sig, () => (say(`${sig}: stopping`), resolve()))),
  );
  clearInterval(alive);
}

function cpuModel(): string {
  try {
    return (
      /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown'
    );
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

/** The journal benchmark (append rate, proofs at 10^5/10^6 leaves) as one section, on the same server. */
function journalBench(adminUrl: string): Promise<string[]> {
  say('journal benchmark (scripts/dist/bench-journal.js)');
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(__dirname, 'bench-journal.js')], {
      env: childEnv({ DATABASE_URL: adminUrl, ...(QUICK ? { BENCH_QUICK: '1' } : {}) }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout!.on('data', (d) => (out += d));
    p.once('exit', (code) =>
      code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`bench-journal exited with ${code}`)),
    );
  });
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
