import { parseArgs } from 'node:util';

import { INTERNAL_SECRET_HEADER, internalSecret, loadConfigOrExit, Role, signDevToken } from '@tsp/shared';

/**
 * Npm run attack -- [--url http://127.0.0.1:4000/graphql] [--token <officer>] [--supervisor-token <t>]
 *
 * Replays the query bombs of test/abuse/query-bombs.test.ts against a running platform and prints, for each, the answer, the
 * time, the gateway's RSS and the slowest /health answer seen while it ran. Without tokens it signs
 * development ones (JWT_SECRET), which only a development platform accepts.
 */
interface Attack {
  name: string;
  body: string;
  token?: string;
}

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    token: { type: 'string' },
    'supervisor-token': { type: 'string' },
    region: { type: 'string', default: '宁晋县' },
  },
});
const url = values.url!;
const base = url.replace(/\/graphql$/, '');

async function gql(body: string, token?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

async function gatewayRss(): Promise<string> {
  const r = await fetch(`${base}/internal/stats`, { headers: { [INTERNAL_SECRET_HEADER]: internalSecret() } }).catch(
    () => undefined,
  );
  if (!r?.ok) return 'n/a';
  return `${Math.round(((await r.json()) as { rss: number }).rss / 2 ** 20)} MB`;
}

/** Asks /health every 20 ms until stopped; the slowest answer, or 'down'. */
function watchHealth() {
  let slowest = 0;
  let down = false;
  let on = true;
  const loop = (async () => {
    while (on) {
      const t = performance.now();
      const ok = await fetch(`${base}/health`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (!ok) down = true;
      slowest = Math.max(slowest, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    on = false;
    await loop;
    return down ? 'DOWN' : `${slowest.toFixed(0)} ms`;
  };
}

function answerOf(r: { status: number; text: string }): string {
  try {
    const body = JSON.parse(r.text) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const e = body.errors?.[0];
    return e
      ? `${r.status} ${e.extensions?.code}: ${e.message.slice(0, 90)}`
      : `${r.status} data (${r.text.length} bytes)`;
  } catch {
    return `${r.status} ${r.text.slice(0, 90)}`;
  }
}

const doc = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

function attacks(agencyId: string, officer: string, supervisor: string): Attack[] {
  let catalog = 'id name';
  for (let l = 0; l < 5; l++) catalog = [0, 1].map((j) => `r${j}: reviewCatalog { agency { ${catalog} } }`).join(' ');
  let officers = 'id name';
  for (let i = 0; i < 4; i++) officers = `officers { agency { ${officers} } }`;
  let deep = 'id';
  for (let i = 0; i < 5; i++) deep = `officers { agency { ${deep} } }`;
  const repeated = (n: number) => doc(`{ agencies { ${Array(n).fill('id').join(' ')} } }`);
  const spreads = Array.from({ length: 300 }, (_, i) => `...F${i}`).join(' ');
  const fragments = Array.from({ length: 300 }, (_, i) => `fragment F${i} on Agency { name }`).join('\n');
  return [
    {
      name: '1a anonymous reviewCatalog cycle, 5 levels × 2 aliases',
      body: doc(`query($a: ID!) { agency(id: $a) { ${catalog} } }`, { a: agencyId }),
    },
    {
      name: '1b officer: agency → officers, 4 levels',
      body: doc(`query($a: ID!) { agency(id: $a) { ${officers} } }`, { a: agencyId }),
      token: officer,
    },
    {
      name: '1c supervisor: officers → agency at depth 12',
      body: doc(`{ agencies(region: "${values.region}") { ${deep} } }`),
      token: supervisor,
    },
    { name: '2a 10,000 repeated fields (30 KB)', body: repeated(10_000) },
    { name: '2b 330,000 repeated fields (1 MB)', body: repeated(330_000) },
    { name: '2c 2,500 repeated fields (within the token limit)', body: repeated(2_500) },
    { name: '2d 300 fragment spreads in one selection', body: doc(`{ agencies { ${spreads} } }\n${fragments}`) },
  ];
}

async function main() {
  loadConfigOrExit();
  const agencies = JSON.parse((await gql(doc('{ agencies { id reviewCatalog { id } } }'))).text) as {
    data?: { agencies: { id: string; reviewCatalog: unknown[] }[] };
  };
  const list = agencies.data?.agencies ?? [];
  const agency = list.find((a) => a.reviewCatalog.length > 0) ?? list[0];
  if (!agency) throw new Error(`${url}: no agency to aim at (is the demo data there?)`);
  const officer =
    values.token ?? (await signDevToken({ role: Role.OFFICER, sub: 'attack-officer', agencyId: agency.id }));
  const supervisor =
    values['supervisor-token'] ??
    (await signDevToken({ role: Role.SUPERVISOR, sub: 'attack-sup', region: values.region }));
  console.log(
    `target ${url}, agency ${agency.id} (${agency.reviewCatalog.length} catalogue rules), gateway RSS ${await gatewayRss()}\n`,
  );
  const rows: string[][] = [['attack', 'answer', 'time', 'gateway RSS after', 'slowest /health']];
  for (const a of attacks(agency.id, officer, supervisor)) {
    const health = watchHealth();
    const t = performance.now();
    const answer = await gql(a.body, a.token).then(answerOf, (e: Error) => `no answer: ${e.message}`);
    const ms = performance.now() - t;
    rows.push([a.name, answer, `${ms.toFixed(0)} ms`, await gatewayRss(), await health()]);
    console.log(rows.at(-1)!.join(' | '));
  }
  const alive = await fetch(`${base}/health`).then(
    (r) => r.ok,
    () => false,
  );
  console.log(`\n| ${rows[0].join(' | ')} |\n|${rows[0].map(() => '---').join('|')}|`);
  for (const r of rows.slice(1)) console.log(`| ${r.join(' | ')} |`);
  console.log(`\ngateway ${alive ? 'alive' : 'DOWN'} after the attacks`);
  if (!alive) process.exit(1);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
