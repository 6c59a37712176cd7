import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  forbidden,
  INTERNAL_SECRET_HEADER,
  internalSecret,
  openOrm,
  type Orm,
  Role,
  type RunningSubgraph,
  signDevToken,
  startSubgraph,
} from '@tsp/shared';

import {
  appendLeaf,
  canonicalEntryBytes,
  publicKeyPem,
  registerJournalEntrySource,
} from '../subgraphs/records/src/journal';
import { migrations } from '../subgraphs/records/src/migrations';
import { JournalResolver } from '../subgraphs/records/src/schema/journal.resolver';
import { createTestDatabase, sql } from './kit/db';
import { migrateRecords } from './kit/journal';

/**
 * The standalone verifier, run as the built CLI a person would run, against a real HTTP server
 * serving the journal's GraphQL fields over a real database.
 */
const CLI = path.join(__dirname, '..', 'scripts', 'dist', 'verify-journal.js');
const dir = mkdtempSync(path.join(tmpdir(), 'journal-cli-'));
const file = (name: string) => path.join(dir, name);

function cli(...args: string[]): Promise<{ code: number; out: string }> {
  // The subgraph answers only what a gateway forwards: the header stands in for the gateway here.
  const headers = args.includes('--server') ? ['--header', `${INTERNAL_SECRET_HEADER}: ${internalSecret()}`] : [];
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args, ...headers], { timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

describe('verify-journal CLI', () => {
  let url: string;
  let orm: Orm;
  let server: RunningSubgraph;
  let token: string;
  const agencyId = randomUUID();
  const caseId = randomUUID();
  /** What the records lifecycle would rebuild from its rows; tests alter it behind the journal's back. */
  const stored = new Map<string, Buffer>();
  const ids: string[] = [];

  const appendEntries = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const bytes = canonicalEntryBytes({
        id,
        caseId,
        agencyId,
        sequence: ids.length + 1,
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        occurredAt: new Date(1_735_000_000_000 + i),
        recordedAt: new Date(1_735_000_000_000 + i),
        officerIds: [randomUUID(), randomUUID()],
        summary: `现场检查 ${ids.length + 1}`,
        correctsId: null,
        attachments: [
          {
            sha256: 'ab'.repeat(32),
            kind: 'VIDEO',
            size: 10,
            mediaType: 'video/mp4',
            name: 'a.mp4',
            fullProcess: true,
          },
        ],
      });
      await orm.em.fork().transactional((em) => appendLeaf(em, { entryId: id, caseId, data: bytes }));
      stored.set(id, bytes);
      ids.push(id);
    }
  };

  beforeAll(async () => {
    if (!readFileSync(CLI, 'utf8')) throw new Error('build first: npx tsc -b');
    url = await createTestDatabase();
    await migrateRecords(url);
    orm = await openOrm({ schema: 'records', clientUrl: url, entities: [], migrations: [] });
    registerJournalEntrySource({
      async entryBytes(ctx, entryIds) {
        if (ctx.identity.agencyId !== agencyId) throw forbidden('this entry belongs to another agency');
        return entryIds.map((id) => stored.get(id) ?? null);
      },
    });
    server = await startSubgraph(
      // No personnel runs beside this lone records subgraph: nobody is a registered officer, so the stale-token check passes every sub.
      {
        name: 'records',
        schema: { resolvers: [JournalResolver], references: {} },
        db: { schema: 'records', entities: [], migrations },
        officerAgencies: () => async () => new Map(),
      },
      { databaseUrl: url },
    );
    token = await signDevToken({ role: Role.OFFICER, sub: randomUUID(), agencyId });
    await appendEntries(50);
  });
  afterAll(async () => {
    registerJournalEntrySource(null);
    await server?.stop();
    await orm?.close();
  });

  it('fetches and saves the current checkpoint; warns that nothing was pinned or compared', async () => {
    const r = await cli('--server', server.url, '--save', file('old.json'));
    expect(r.out).toContain('✔ current checkpoint signature verifies: size 50');
    expect(r.out).toContain('! the public key was taken from the server');
    expect(r.code).toBe(0);
    writeFileSync(file('key.pem'), await publicKeyPem(orm.em.fork()));
  });

  it('proves consistency with the old checkpoint and inclusion of chosen entries, key pinned', async () => {
    await appendEntries(30);
    const r = await cli(
      '--server',
      server.url,
      '--checkpoint',
      file('old.json'),
      '--public-key',
      file('key.pem'),
      '--token',
      token,
      '--entry',
      ids[3],
      '--entry',
      ids[70],
      '--save',
      file('bundle.json'),
    );
    expect(r.out).toContain('✔ consistency 50 → 80');
    expect(r.out).toContain(`✔ entry ${ids[3]} (leaf 3) is included in the signed checkpoint`);
    expect(r.out).toContain(`case ${caseId}, #71 ON_SITE_INSPECTION`);
    expect(r.out).not.toContain('✘');
    expect(r.out).toContain('RESULT: OK');
    expect(r.code).toBe(0);
  });

  it('checks an export offline, and fails a tampered export', async () => {
    const ok = await cli(
      '--export',
      file('bundle.json'),
      '--checkpoint',
      file('old.json'),
      '--public-key',
      file('key.pem'),
    );
    expect(ok.code).toBe(0);
    const bundle = JSON.parse(readFileSync(file('bundle.json'), 'utf8'));
    bundle.consistency.proof[0] = bundle.consistency.proof[0].replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    bundle.inclusions[0].proof[1] = bundle.inclusions[1].proof[1];
    writeFileSync(file('tampered.json'), JSON.stringify(bundle));
    const bad = await cli(
      '--export',
      file('tampered.json'),
      '--checkpoint',
      file('old.json'),
      '--public-key',
      file('key.pem'),
    );
    expect(bad.out).toContain('✘ consistency 50 → 80 FAILS');
    expect(bad.out).toContain(`✘ entry ${ids[3]} (leaf 3) is NOT included`);
    expect(bad.code).toBe(1);
  });

  it('fails a checkpoint signed by another key than the pinned one', async () => {
    writeFileSync(
      file('other.pem'),
      generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }) as string,
    );
    const r = await cli('--server', server.url, '--public-key', file('other.pem'));
    expect(r.out).toContain('✘ current checkpoint: no signature by key');
    expect(r.code).toBe(1);
  });

  it('reports an entry altered behind the journal’s back', async () => {
    const original = stored.get(ids[10])!;
    stored.set(ids[10], Buffer.from(original.toString().replace('现场检查 11', '现场检查 11（改）')));
    const r = await cli('--server', server.url, '--public-key', file('key.pem'), '--token', token, '--entry', ids[10]);
    expect(r.out).toContain(`✘ entry ${ids[10]} (leaf 10): its content does not hash to the leaf`);
    expect(r.code).toBe(1);
    stored.set(ids[10], original);
  });

  it('verifies a single new entry against the latest signed checkpoint with nothing saved, and saves the key', async () => {
    await appendEntries(1);
    const newest = ids[ids.length - 1];
    const r = await cli('--server', server.url, '--token', token, '--entry', newest, '--save-key', file('tofu.pem'));
    expect(r.out).toContain(`✔ current checkpoint signature verifies: size ${ids.length}`);
    expect(r.out).toContain(`✔ entry ${newest} (leaf ${ids.length - 1}) is included in the signed checkpoint`);
    expect(r.out).toContain('RESULT: OK');
    expect(r.code).toBe(0);
    expect(readFileSync(file('tofu.pem'), 'utf8')).toBe(readFileSync(file('key.pem'), 'utf8'));
  });

  it('accepts a saved bare note with a trailing newline or CRLF line ends', async () => {
    const { note } = JSON.parse(readFileSync(file('old.json'), 'utf8')).checkpoint as { note: string };
    writeFileSync(file('note-lf.txt'), `${note}\n`);
    writeFileSync(file('note-crlf.txt'), `${note.replace(/\n/g, '\r\n')}\r\n`);
    for (const f of ['note-lf.txt', 'note-crlf.txt']) {
      const r = await cli('--server', server.url, '--checkpoint', file(f), '--public-key', file('key.pem'));
      expect(r.out).toContain('✔ old checkpoint signature verifies: size 50');
      expect(r.out).toContain(`✔ consistency 50 → ${ids.length}`);
      expect(r.code).toBe(0);
    }
    // The body is still what counts: an altered one fails.
    writeFileSync(file('note-bad.txt'), note.replace(/^(.*\n)50\n/, '$149\n'));
    const bad = await cli(
      '--server',
      server.url,
      '--checkpoint',
      file('note-bad.txt'),
      '--public-key',
      file('key.pem'),
    );
    expect(bad.out).toContain('✘ old checkpoint: the signature does not verify');
    expect(bad.code).toBe(1);
  });

  it('fails when an entry was deleted and the log rebuilt, even with the server’s checkpoints deleted too', async () => {
    const tables = ['journal_leaf', 'journal_node', 'checkpoint'];
    const off = tables.map((t) => `alter table records.${t} disable trigger user;`).join('');
    const on = tables.map((t) => `alter table records.${t} enable trigger user;`).join('');
    const rows = await sql<{ entry_id: string; case_id: string }>(
      url,
      `select entry_id, case_id from records.journal_leaf order by idx`,
    );
    await sql(
      url,
      `${off} delete from records.journal_leaf; delete from records.journal_node; delete from records.checkpoint; ${on}`,
    );
    for (const r of rows.filter((r) => r.entry_id !== ids[20])) {
      await orm.em
        .fork()
        .transactional((em) =>
          appendLeaf(em, { entryId: r.entry_id, caseId: r.case_id, data: stored.get(r.entry_id)! }),
        );
    }
    await appendEntries(5);
    const r = await cli('--server', server.url, '--checkpoint', file('old.json'), '--public-key', file('key.pem'));
    expect(r.out).toContain(
      '✘ consistency 50 → 85 FAILS: entries covered by the old checkpoint were changed, removed or reordered',
    );
    expect(r.out).toContain('RESULT: FAILED');
    expect(r.code).toBe(1);
  });

  it('refuses an inclusion proof without a token, and entry content to another agency', async () => {
    const anon = await cli('--server', server.url, '--entry', ids[1]);
    expect(anon.out).toContain('--entry needs --token');
    expect(anon.code).toBe(2);
    const other = await signDevToken({ role: Role.OFFICER, sub: randomUUID(), agencyId: randomUUID() });
    const r = await cli('--server', server.url, '--token', other, '--entry', ids[1]);
    expect(r.out).toContain('another agency');
    expect(r.code).toBe(1);
  });
});
