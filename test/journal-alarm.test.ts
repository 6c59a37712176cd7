import { overrideConfig } from '@tsp/shared';

import { sql } from './kit/db';
import { type Platform, startPlatform } from './kit/platform';
import { APPEND, doc, OPEN, penaltyCase, type RecordsWorld, setupWorld, video } from './kit/records-fixtures';
import { until } from './kit/until';

/**
 * Tamper alarm: with the frequent audit on a short interval, an entry altered behind the service's
 * back (a direct SQL UPDATE, the append-only trigger switched off) reaches the supervisor as a
 * JOURNAL_NOT_INTACT finding without anyone running an audit by hand. The entry lies below the head
 * already audited and signed, so it is the change detection that finds it, not the check of new leaves.
 */

const FINDINGS = `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId detail } } }`;
let p: Platform;
let w: RecordsWorld;
let caseId: string;

beforeAll(async () => {
  overrideConfig({ JOURNAL_AUDIT_INTERVAL_MS: '2000' });
  p = await startPlatform();
  w = await setupWorld(p);
  const r = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕61号') }, { token: w.tokens.a });
  expect(r.errors).toBeUndefined();
  caseId = r.data.openCase.id;
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

test('an entry altered by SQL after it was audited and signed shows as JOURNAL_NOT_INTACT to the supervisor, unaided', async () => {
  const now = () => new Date().toISOString();
  const entries = [
    {
      caseId,
      stage: 'INVESTIGATION',
      activity: 'DOCUMENT',
      occurredAt: now(),
      officerIds: [w.o1, w.o2],
      summary: '询问笔录',
      attachments: [doc('询问笔录')],
    },
    {
      caseId,
      stage: 'INVESTIGATION',
      activity: 'ON_SITE_INSPECTION',
      occurredAt: now(),
      officerIds: [w.o1, w.o2],
      summary: '现场检查',
      attachments: [video(true)],
    },
  ];
  for (const i of entries) expect((await p.gql(APPEND, { i }, { token: w.tokens.a })).errors).toBeUndefined();
  const [{ n }] = await sql<{ n: string }>(p.databaseUrl, `select count(*)::text as n from records.journal_leaf`);

  // The background audit verifies and signs every entry so far, and has finished its first full sweep
  // (after that, frequent runs sweep nothing until JOURNAL_FULL_AUDIT_INTERVAL_MS has passed).
  await until('an audit that verified and signed every entry, after a finished full sweep', async () => {
    const [a] = await sql<{ signed: string; swept: boolean }>(
      p.databaseUrl,
      `select
      (select max(checkpoint_size) from records.journal_audit where ok)::text as signed,
      (select ok and swept_to = from_size from records.journal_audit where swept_from is not null order by seq desc limit 1) as swept`,
    );
    return Number(a.signed) >= Number(n) && a.swept ? a : undefined;
  });
  const clean = await p.gql(FINDINGS, { a: w.agencyA }, { token: w.tokens.supervisor });
  expect(clean.errors).toBeUndefined();
  expect(clean.data.agency.recordFindings.filter((f: { kind: string }) => f.kind === 'JOURNAL_NOT_INTACT')).toEqual([]);

  await sql(
    p.databaseUrl,
    `alter table records.record_entry disable trigger record_entry_refuse_change;
    update records.record_entry set summary = '询问笔录（已篡改）' where case_id = '${caseId}' and sequence = 2;
    alter table records.record_entry enable trigger record_entry_refuse_change`,
  );
  const [entry] = await sql<{ id: string }>(
    p.databaseUrl,
    `select id from records.record_entry where case_id = $1 and sequence = 2`,
    [caseId],
  );

  const finding = await until('the supervisor to see JOURNAL_NOT_INTACT', async () => {
    const f = await p.gql(FINDINGS, { a: w.agencyA }, { token: w.tokens.supervisor });
    return (f.data?.agency?.recordFindings ?? []).find((x: { kind: string }) => x.kind === 'JOURNAL_NOT_INTACT');
  });
  expect(finding).toMatchObject({ subjectId: caseId, detail: expect.stringContaining(`entry ${entry.id}`) });
  // Found by a frequent run's change detection: no sweep window, the entry below the head it continued from.
  const [failed] = await sql<{ from_size: string; swept_from: string | null }>(
    p.databaseUrl,
    `select from_size::text, swept_from::text from records.journal_audit where not ok order by seq limit 1`,
  );
  expect(failed).toEqual({ from_size: expect.any(String), swept_from: null });
  expect(Number(failed.from_size)).toBeGreaterThanOrEqual(Number(n));
  // Another agency's officer does not see it.
  const other = await p.gql(FINDINGS, { a: w.agencyA }, { token: w.tokens.b });
  expect(
    (other.data?.agency?.recordFindings ?? []).some((x: { kind: string }) => x.kind === 'JOURNAL_NOT_INTACT'),
  ).toBe(false);
}, 90_000);

test('an entry, its attachments and its leaf rewritten in one transaction are still reported by a frequent run', async () => {
  // Resolve the first test's tampering, then wait for a passing run after it.
  await sql(
    p.databaseUrl,
    `alter table records.record_entry disable trigger record_entry_refuse_change;
    update records.record_entry set summary = '询问笔录' where case_id = '${caseId}' and sequence = 2;
    alter table records.record_entry enable trigger record_entry_refuse_change`,
  );
  const latest = async () =>
    (
      await sql<{ seq: string; ok: boolean; swept_from: string | null; problems: unknown }>(
        p.databaseUrl,
        `select seq::text, ok, swept_from::text, problems from records.journal_audit order by seq desc limit 1`,
      )
    )[0];
  const passed = await until('a passing audit after the entry was restored', async () => {
    const a = await latest();
    return a?.ok ? a : undefined;
  });

  // One transaction: the entry, its attachment and its leaf all get new row versions with the same xmin,
  // so no row is newer than its leaf; only the journal_leaf update counter shows it.
  const [entry] = await sql<{ id: string }>(
    p.databaseUrl,
    `select id from records.record_entry where case_id = $1 and sequence = 3`,
    [caseId],
  );
  const triggers = (on: string) =>
    ['record_entry', 'attachment', 'journal_leaf']
      .map((t) => `alter table records.${t} ${on} trigger ${t}_refuse_change;`)
      .join('\n');
  await sql(
    p.databaseUrl,
    `begin; ${triggers('disable')}
    update records.record_entry set summary = '现场检查（已篡改）' where id = '${entry.id}';
    update records.attachment set name = name where entry_id = '${entry.id}';
    update records.journal_leaf set leaf_hash = leaf_hash where entry_id = '${entry.id}';
    ${triggers('enable')} commit`,
  );
  const [shared] = await sql<{ same: boolean }>(
    p.databaseUrl,
    `select bool_and(a.xmin = l.xmin and e.xmin = l.xmin) as same
    from records.journal_leaf l join records.record_entry e on e.id = l.entry_id
    join records.attachment a on a.entry_id = l.entry_id where l.entry_id = $1`,
    [entry.id],
  );
  expect(shared.same).toBe(true);

  const failed = await until('a failing audit after the combined tampering', async () => {
    const a = await latest();
    return a && !a.ok && Number(a.seq) > Number(passed.seq) ? a : undefined;
  });
  // A frequent run (no sweep window) found it, and named the entry.
  expect(failed.swept_from).toBeNull();
  expect(JSON.stringify(failed.problems)).toContain(`entry ${entry.id}`);
  const f = await p.gql(FINDINGS, { a: w.agencyA }, { token: w.tokens.supervisor });
  expect(
    (f.data?.agency?.recordFindings ?? []).filter((x: { kind: string }) => x.kind === 'JOURNAL_NOT_INTACT'),
  ).toEqual([expect.objectContaining({ subjectId: caseId, detail: expect.stringContaining(`entry ${entry.id}`) })]);
}, 90_000);
