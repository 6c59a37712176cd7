import { randomUUID } from 'node:crypto';

import { outboxSql, Role } from '@tsp/shared';

import { sql } from '../kit/db';
import { type Platform, startPlatform, token } from '../kit/platform';

/**
 * A decision whose party is 欧阳娜娜 and whose text names 当事人张三 (not the
 * party) published 张三 in full. Through the gateway: every person's name is masked in the public copy,
 * whatever label precedes it, and organisation names stay whole.
 */
let p: Platform;
let agencyId: string;
let head: string;

const FACTS =
  '当事人张三于2026年9月1日在宁晋县张三建材有限公司院内擅自建设。负责人　赵六丰签字，法定代表人李四拒绝签字。' +
  '经查，王五称其未见到刘强；证人司马光、诸葛亮到场。欧阳娜娜委托周杰办理，张三称不知情';
const NAMES = ['张三于', '张三称', '赵六丰', '李四', '王五', '刘强', '司马光', '诸葛亮', '娜娜', '周杰'];

beforeAll(async () => {
  p = await startPlatform();
  const [{ t }] = await sql<{ t: string | null }>(p.databaseUrl, `select to_regclass('records.outbox')::text as t`);
  if (!t) {
    await sql(p.databaseUrl, 'create schema if not exists records');
    for (const s of outboxSql('records')) await sql(p.databaseUrl, s);
  }
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const created = await p.gql(
    'mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }',
    { i: { code: 'M01', name: '宁晋县城乡规划局', kind: 'PLANNING', region: '宁晋县', legalOfficeName: '法制股' } },
    { token: admin },
  );
  expect(created.errors).toBeUndefined();
  agencyId = created.data.createAgency.id;
  head = await token({ role: Role.AGENCY_HEAD, sub: 'head-1', agencyId });
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

async function waitFor<T>(fn: () => Promise<T | undefined>, what: string, ms = 15000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a published decision names nobody in full but organisations', async () => {
  const caseId = randomUUID();
  const payload = {
    caseId,
    caseNumber: '宁规罚〔2026〕701号',
    agencyId,
    category: 'PENALTY',
    cause: '未取得建设工程规划许可证进行建设',
    party: { type: 'NATURAL_PERSON', name: '欧阳娜娜', isMinor: false },
    outcome: '罚款',
    penaltyKinds: ['FINE'],
    fineAmount: '20000.00',
    confiscationAmount: null,
    legalBasis: '《中华人民共和国城乡规划法》第六十四条',
    facts: FACTS,
    conclusion: '对欧阳娜娜处罚款20000元；张三、李四另案处理',
    decidedOn: '2026-09-29',
    reviewId: null,
  };
  // DecisionRecorded exactly as records writes it; disclosure turns it into a masked draft.
  await sql(
    p.databaseUrl,
    `insert into records.outbox (id, type, agency_id, region, subject_id, occurred_at, payload)
     values ($1, 'DecisionRecorded', $2, '宁晋县', $3, now(), $4::jsonb)`,
    [randomUUID(), agencyId, caseId, JSON.stringify(payload)],
  );
  await sql(p.databaseUrl, `select pg_notify('tsp_events', 'records')`);
  const draft = 'select id from disclosure.publication where case_id = $1';
  const id = await waitFor(async () => (await sql<{ id: string }>(p.databaseUrl, draft, [caseId]))[0]?.id, 'the draft');

  const publish = 'mutation($id: ID!) { publishDecision(id: $id, checkNote: "经审核同意公示") { id status } }';
  const published = await p.gql(publish, { id }, { token: head });
  expect(published.errors).toBeUndefined();
  const pub = await p.gql('query($id: ID!) { publication(id: $id) { partyName summary conclusion } }', { id });
  expect(pub.errors).toBeUndefined();
  const text = JSON.stringify(pub.data.publication);
  for (const name of NAMES) expect(text).not.toContain(name);
  expect(pub.data.publication.partyName).toBe('欧阳**');
  expect(text).toContain('当事人张**');
  expect(text).toContain('宁晋县张三建材有限公司');
  expect(text).toMatch(/王\*\*称/);
});
