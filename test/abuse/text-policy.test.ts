import { shanghaiDate } from '@tsp/shared';

import { runJournalAudit } from '../../subgraphs/records/src/journal';
import { sql } from '../kit/db';
import { type Platform, startPlatform } from '../kit/platform';
import {
  APPEND,
  DECIDE,
  doc,
  OPEN,
  penaltyCase,
  photo,
  type RecordsWorld,
  serveNoticeWaived,
  setupWorld,
  snapshot,
  video,
} from '../kit/records-fixtures';

/**
 * No officer can plant a false "journal altered" alarm with text PostgreSQL keeps
 * differently from what was hashed. Every string argument of every subgraph goes through one text
 * policy: lone surrogates, NUL and other C0 controls are refused naming the argument path, and
 * accepted text is stored and hashed as NFC, so the journal re-verifies intact.
 */
let p: Platform;
let w: RecordsWorld;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

type Result = Awaited<ReturnType<Platform['gql']>>;
const code = (r: Result) => r.errors?.[0]?.extensions?.code;
const now = () => new Date().toISOString();
const nfc = (s: string) => s.normalize('NFC');

/** Text that is valid Unicode but differs from its NFC form, or is easy to mangle on the way to the database. */
const HOSTILE = [
  'e\u0301cole 决定书', // decomposed é
  'a\u0300\u0316\u035c 组合符号', // stacked combining marks
  '😀👩‍⚖️ 执法 🏛️', // emoji, surrogate pairs, ZWJ sequences
  '\u200f当事人\u202e翻转\u202c\u200e', // RTL/LTR marks and overrides
  '零\u200b宽\u200d字\ufeff符', // zero-width space, joiner, BOM
  '\uf900\uf91d\ufa0c 兼容汉字', // CJK compatibility ideographs (NFC maps them)
  'tab\there\nline\r\nend', // the three controls the policy keeps
];

async function ok(q: string, i: Record<string, unknown>, tok = w.tokens.a) {
  const r = await p.gql(q, { i }, { token: tok });
  expect(r.errors).toBeUndefined();
  return r.data;
}

test('journal-hashed fields round-trip hostile Unicode through PostgreSQL; the journal verifies intact', async () => {
  const filing = penaltyCase(w, '宁规罚〔2026〕301号');
  const party = { ...filing.party, name: 'Zoe\u0308 王某某', address: HOSTILE[0] + HOSTILE[3] };
  const caseId = (await ok(OPEN, { ...filing, party, summary: HOSTILE.join(' | ') })).openCase.id;
  const named = (documentType: string, i: number) => ({
    ...doc(documentType),
    name: `${HOSTILE[i]}.pdf`,
    documentType: `${documentType}${HOSTILE[i]}`,
  });
  const step = (stage: string, activity: string, attachments: unknown[], summary: string) =>
    ok(APPEND, { caseId, stage, activity, occurredAt: now(), officerIds: [w.o1, w.o2], attachments, summary });
  const emojiPhoto = { ...photo(), name: `${HOSTILE[2]}.jpg` };
  await step('INVESTIGATION', 'ON_SITE_INSPECTION', [video(), emojiPhoto], HOSTILE[2] + HOSTILE[4]);
  await step('INVESTIGATION', 'DOCUMENT', [named('调查笔录', 0), named('询问笔录', 5)], HOSTILE[1] + HOSTILE[5]);
  await step('EVIDENCE', 'EVIDENCE_COLLECTION', [video(), photo()], HOSTILE[6]);
  await step('EXAMINATION', 'DOCUMENT', [named('行政处罚事先告知书', 3)], HOSTILE[3]);
  await serveNoticeWaived(p, w, caseId, { penaltyKinds: ['WARNING', 'FINE'], fineAmount: '5000' });
  await ok(DECIDE, {
    caseId,
    outcome: `处罚${HOSTILE[0]}`,
    penaltyKinds: ['WARNING', 'FINE'],
    fineAmount: '5000',
    legalBasis: `《城乡规划法》${HOSTILE[5]}`,
    facts: HOSTILE.join('\n'),
    conclusion: `警告${HOSTILE[1]}`,
    decidedOn: shanghaiDate(),
    officerIds: [w.o1, w.o2],
    attachments: [named('处罚决定书', 2)],
  });

  // PostgreSQL keeps exactly the NFC text (the journal hashed that same text).
  const entries = await sql<{ summary: string }>(
    p.databaseUrl,
    `select summary from records.record_entry where case_id = $1 and activity not in ('PRIOR_NOTICE', 'WAIVER')
      order by sequence`,
    [caseId],
  );
  expect(entries.map((e) => e.summary)).toEqual(
    [
      HOSTILE.join(' | '),
      HOSTILE[2] + HOSTILE[4],
      HOSTILE[1] + HOSTILE[5],
      HOSTILE[6],
      HOSTILE[3],
      `处罚${HOSTILE[0]}：警告${HOSTILE[1]}`,
    ].map(nfc),
  );
  // It did change: compatibility ideographs mapped, combining marks reordered.
  expect(entries[2].summary).not.toBe(HOSTILE[1] + HOSTILE[5]);
  const files = await sql<{ name: string; document_type: string | null }>(
    p.databaseUrl,
    `select a.name, a.document_type from records.attachment a join records.record_entry e on e.id = a.entry_id
     where a.case_id = $1 and a.document_type is not null and e.sequence > 1 and e.activity <> 'WAIVER'
     order by e.sequence, a.position`,
    [caseId],
  );
  expect(files).toEqual([
    { name: nfc(`${HOSTILE[0]}.pdf`), document_type: nfc(`调查笔录${HOSTILE[0]}`) },
    { name: nfc(`${HOSTILE[5]}.pdf`), document_type: nfc(`询问笔录${HOSTILE[5]}`) },
    { name: nfc(`${HOSTILE[3]}.pdf`), document_type: nfc(`行政处罚事先告知书${HOSTILE[3]}`) },
    { name: nfc(`${HOSTILE[2]}.pdf`), document_type: nfc(`处罚决定书${HOSTILE[2]}`) },
  ]);
  const [row] = await sql<{ party_name: string; party_address: string }>(
    p.databaseUrl,
    'select party_name, party_address from records.enforcement_case where id = $1',
    [caseId],
  );
  expect(row).toEqual({ party_name: 'Zo\u00eb 王某某', party_address: nfc(HOSTILE[0] + HOSTILE[3]) });

  // Every verifier agrees the journal is intact: the live check, the self-audit and the findings it feeds.
  const J = `query($id: ID!) {
    case(id: $id) { journal { length intact } } verifyCaseJournal(caseId: $id) { intact length problems } }`;
  const v = await p.gql(J, { id: caseId }, { token: w.tokens.supervisor });
  expect(v.errors).toBeUndefined();
  expect(v.data.case.journal).toEqual({ length: 8, intact: true });
  expect(v.data.verifyCaseJournal).toEqual({ intact: true, length: 8, problems: [] });
  expect(await runJournalAudit(p.subgraphs.records.orm.em.fork())).toMatchObject({ ok: true, problems: [] });
  const F = `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId } } }`;
  const f = await p.gql(F, { a: w.agencyA }, { token: w.tokens.supervisor });
  expect(f.errors).toBeUndefined();
  expect(f.data.agency.recordFindings.filter((x: { kind: string }) => x.kind === 'JOURNAL_NOT_INTACT')).toEqual([]);
});

describe('refused text names the field, and nothing is written', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await ok(OPEN, penaltyCase(w, '宁规罚〔2026〕302号'))).openCase.id;
  });

  /** Sends a write that must be BAD_USER_INPUT naming `field`, and checks no row moved. */
  async function refused(field: string, send: () => Promise<Result>) {
    const before = await snapshot(p, caseId);
    const r = await send();
    expect({ code: code(r), field: r.errors?.[0]?.extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(r.errors![0].message).toContain(field);
    expect(await snapshot(p, caseId)).toEqual(before);
    return r.errors![0].message;
  }
  const entry = (extra: Record<string, unknown>) => ({
    caseId,
    stage: 'INVESTIGATION',
    activity: 'DOCUMENT',
    occurredAt: now(),
    officerIds: [w.o1, w.o2],
    summary: '询问',
    ...extra,
  });
  const append = (extra: Record<string, unknown>) => () => p.gql(APPEND, { i: entry(extra) }, { token: w.tokens.a });
  const open = (extra: Record<string, unknown>) => () =>
    p.gql(OPEN, { i: { ...penaltyCase(w, '宁规罚〔2026〕303号'), ...extra } }, { token: w.tokens.a });

  test('a lone surrogate in appendRecord.summary (the false tamper alarm of the issue)', async () => {
    expect(await refused('input.summary', append({ summary: '\ud800' }))).toMatch(/lone UTF-16 surrogate U\+D800/);
    await refused('input.summary', append({ summary: '正常文字\udfff' }));
  });

  test('NUL and C0 controls, nested in input objects and lists', async () => {
    const nulName = { ...doc('询问笔录'), name: 'a\u0000.pdf' };
    expect(await refused('input.attachments[1].name', append({ attachments: [doc('调查笔录'), nulName] }))).toMatch(
      /NUL/,
    );
    const ansi = { ...doc('调查笔录'), documentType: '笔录\u001b[2J' };
    await refused('input.attachments[0].documentType', append({ attachments: [ansi] }));
    const party = { ...penaltyCase(w, '').party, address: '凤凰镇\u0000某村' };
    expect(await refused('input.party.address', open({ party }))).toMatch(/^input\.party\.address: contains NUL/);
    await refused('input.handlerIds[1]', open({ handlerIds: [w.o1, `${w.o2}\u0007`] }));
  });

  test('inline literals are checked like variables (a GraphQL escape reaches the resolver as NUL)', async () => {
    const inline = (summary: string, officers = `"${w.o1}", "${w.o2}"`) =>
      p.gql(
        `mutation { appendRecord(input: { caseId: "${caseId}", stage: INVESTIGATION, activity: DOCUMENT,
        occurredAt: "${now()}", officerIds: [${officers}], summary: "${summary}" }) { id } }`,
        {},
        { token: w.tokens.a },
      );
    await refused('input.summary', () => inline('询问\\u0000笔录'));
    // GraphQL's own grammar has no lone surrogate escape: the parser refuses it before any resolver runs.
    const before = await snapshot(p, caseId);
    expect(code(await inline('\\ud800'))).toBe('BAD_USER_INPUT');
    expect(await snapshot(p, caseId)).toEqual(before);
  });

  test('tab, LF and CR are kept; the same text in another normal form is stored as NFC', async () => {
    const i = entry({ summary: '第一行\n\t第二行\r\ncafe\u0301' });
    const r = await p.gql(APPEND.replace('hash }', 'hash summary }'), { i }, { token: w.tokens.a });
    expect(r.errors).toBeUndefined();
    expect(r.data.appendRecord.summary).toBe('第一行\n\t第二行\r\ncaf\u00e9');
  });
});

test('the same policy holds in personnel, review and disclosure', async () => {
  const i = { agencyId: w.agencyA, name: '宋\u0000江', position: '执法队员', roles: ['ENFORCEMENT'] };
  const register = `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`;
  const officer = await p.gql(register, { i }, { token: w.tokens.admin });
  expect(officer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  const [{ n }] = await sql<{ n: string }>(
    p.databaseUrl,
    `select count(*) as n from personnel.officer where name like '宋%江'`,
  );
  expect(Number(n)).toBe(0);

  const credential = await p.gql(`query($n: String!) { verifyCredential(number: $n) { valid } }`, {
    n: 'HB-NJ-0001\ud800',
  });
  expect(credential.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });

  const catalog = await p.gql(`query($a: ID!) { reviewCatalog(agencyId: $a) { description } }`, {
    a: `${w.agencyA}\u0001`,
  });
  expect(catalog.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyId' });

  const report = await p.gql(`query($a: ID!) { annualReport(agencyId: $a, year: 2025) { year } }`, {
    a: `\udc00${w.agencyA}`,
  });
  expect(report.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyId' });
});
