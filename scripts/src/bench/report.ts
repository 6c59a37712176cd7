import type { Measurement } from './measure.js';

const f = (x: number | null, d = 0) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(d));

/** The measurements as an aligned table, then the ratios the targets are stated in. */
export function table(rows: Measurement[]): string {
  const head = [
    'request',
    'via',
    'conc',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'first ms',
    'alone ms',
    'non2xx',
    'errors',
    'gql err',
    'SQL/req',
    'gw RSS MB',
  ];
  const body = rows.map((m) => [
    m.scenario,
    m.target,
    String(m.connections),
    f(m.rps, 1),
    f(m.p50),
    f(m.p95),
    f(m.p99),
    f(m.firstMs),
    f(m.aloneMs, 1),
    String(m.non2xx),
    String(m.errors),
    String(m.graphqlErrors),
    m.requests ? f(m.sqlPerRequest, 2) : '–',
    f(m.gatewayRssMb),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
}

export interface Ratio {
  scenario: string;
  connections: number;
  /** Our gateway's req/s over Hive Gateway's (≥ 1 is the target for case and findings). */
  throughputVsHive: number | null;
  /** Our gateway's req/s over Hive Gateway's with its Rust query planner (the fastest peer). */
  throughputVsHiveRust: number | null;
  /** Our gateway's p50 over the Rust-planned Hive Gateway's. */
  p50VsHiveRust: number | null;
  /** Our gateway's p50 over the owning subgraph's direct p50 (≤ 2 is the target). */
  p50OverDirect: number | null;
  /** The same for one request at a time, without load. */
  aloneOverDirect: number | null;
}

export function ratios(rows: Measurement[]): Ratio[] {
  const keys = [...new Set(rows.map((m) => `${m.scenario}|${m.connections}`))];
  return keys.map((k) => {
    const [scenario, c] = k.split('|');
    const get = (t: string) =>
      rows.find((m) => m.scenario === scenario && m.connections === Number(c) && m.target === t);
    const ours = get('gateway'),
      hive = get('hive'),
      rust = get('hive-rust'),
      direct = get('direct');
    return {
      scenario,
      connections: Number(c),
      throughputVsHive: ours && hive ? ours.rps / hive.rps : null,
      throughputVsHiveRust: ours && rust ? ours.rps / rust.rps : null,
      p50VsHiveRust: ours?.p50 != null && rust?.p50 ? ours.p50 / rust.p50 : null,
      p50OverDirect: ours?.p50 != null && direct?.p50 ? ours.p50 / direct.p50 : null,
      aloneOverDirect: ours && direct ? ours.aloneMs / direct.aloneMs : null,
    };
  });
}

export function ratioTable(rs: Ratio[]): string {
  return rs
    .map(
      (r) =>
        `${r.scenario.padEnd(13)} conc ${String(r.connections).padStart(3)}   ours/Hive req/s ${f(r.throughputVsHive, 2).padStart(5)}   ours/Hive-Rust req/s ${f(r.throughputVsHiveRust, 2).padStart(5)} p50 ${f(r.p50VsHiveRust, 2).padStart(5)}   ours/direct p50 ${f(r.p50OverDirect, 2).padStart(5)}   ours/direct alone ${f(r.aloneOverDirect, 2).padStart(5)}`,
    )
    .join('\n');
}

/** Per request and target: p50 / p95 / req/s / SQL per request at each step of the province's growth. */
export function growthTable(steps: { cases: number; results: Measurement[] }[]): string {
  const keys = [...new Set(steps.flatMap((s) => s.results.map((m) => `${m.scenario}|${m.target}`)))];
  const head = ['request', 'via', ...steps.map((s) => `${s.cases} cases: p50/p95 ms, req/s, SQL/req`)];
  const body = keys.map((k) => {
    const [scenario, target] = k.split('|');
    return [
      scenario,
      target,
      ...steps.map((s) => {
        const m = s.results.find((x) => x.scenario === scenario && x.target === target);
        return m ? `${f(m.p50)}/${f(m.p95)}, ${f(m.rps, 1)}, ${f(m.sqlPerRequest, 2)}` : '–';
      }),
    ];
  });
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i])).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
}

/** One phase of --instances: the platform with `instances` sets, the load average around it, its measurements. */
export interface InstancesPhase {
  instances: number;
  load: string;
  /** Connections the balancer handed to each gateway. */
  handed: number[];
  results: Measurement[];
}

export interface InstancesRatio {
  scenario: string;
  connections: number;
  /** req/s with two instances over req/s with one. */
  throughput: number | null;
  p50: number | null;
  p95: number | null;
}

export function instancesRatios(one: Measurement[], two: Measurement[]): InstancesRatio[] {
  return one.map((a) => {
    const b = two.find((m) => m.scenario === a.scenario && m.connections === a.connections);
    return {
      scenario: a.scenario,
      connections: a.connections,
      throughput: b && a.rps ? b.rps / a.rps : null,
      p50: b?.p50 != null && a.p50 ? b.p50 / a.p50 : null,
      p95: b?.p95 != null && a.p95 ? b.p95 / a.p95 : null,
    };
  });
}

/** Per request and connection count: one set against two, side by side, and two over one. */
export function instancesTable(one: Measurement[], two: Measurement[]): string {
  const head = [
    'request',
    'conc',
    '1× req/s',
    'p50',
    'p95',
    '2× req/s',
    'p50',
    'p95',
    '2/1 req/s',
    'p50',
    'p95',
    'err',
  ];
  const rs = instancesRatios(one, two);
  const body = one.map((a, i) => {
    const b = two.find((m) => m.scenario === a.scenario && m.connections === a.connections);
    const errs = (m?: Measurement) => (m ? m.non2xx + m.errors + m.graphqlErrors : 0);
    return [
      a.scenario,
      String(a.connections),
      f(a.rps, 1),
      f(a.p50),
      f(a.p95),
      f(b?.rps ?? null, 1),
      f(b?.p50 ?? null),
      f(b?.p95 ?? null),
      f(rs[i].throughput, 2),
      f(rs[i].p50, 2),
      f(rs[i].p95, 2),
      `${errs(a)}/${errs(b)}`,
    ];
  });
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 1 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
}
