import { overrideConfig, Role, shanghaiDate } from '@tsp/shared';

import { sql } from './kit/db';
import { schemaErrors } from './kit/event-schemas';
import { expectDeliveredAsLogged, integratorEndpoints } from './kit/integrator-endpoints';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { until } from './kit/until';

/**
 * Data exchange with the provincial platform: personnel's credential events (发证, 暂扣, 注销, 恢复, 调离注销) by
 * signed webhook and in personnelEvents, scoped by the integrator's token, with payloads that match the checked-in
 * JSON Schemas and carry only what the public credential check shows: never the holder's ID number or phone.
 */

// Before the platform starts: loopback receivers are allowed here, retries are fast.
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50' });

const TYPES = ['CredentialIssued', 'CredentialStatusChanged'];
const ID_NUMBER = '130528198805061234';
const PHONE = '13812345678';
const SUSPEND_REASON = '涉嫌违规执法，暂扣证件';

let p: Platform;
const endpoints = integratorEndpoints(
  () => p,
  () => admin,
  TYPES,
);
const { receiver, register, log } = endpoints;
let admin: string;
let agencyA: string;
let agencyA2: string;
let agencyC: string;
let officerA: string;
let officerC: string;
let intA: string;
let intC: string;

const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};
const asAdmin = async (q: string, v: Record<string, unknown>) => ok(await p.gql(q, v, { token: admin }));

const agency = async (code: string, name: string, region: string) =>
  (
    await asAdmin(`mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`, {
      i: { code, name, kind: 'MARKET_REGULATION', region, legalOfficeName: '法制股' },
    })
  ).createAgency.id as string;

/** An officer with the private ID number and phone personnel keeps for the agency only. */
const officer = async (agencyId: string, name: string, idNumber: string, phone: string) =>
  (
    await asAdmin(`mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`, {
      i: { agencyId, name, position: '执法队员', roles: ['ENFORCEMENT'], idNumber, phone },
    })
  ).registerOfficer.id as string;

const issue = (officerId: string, number: string, region: string) =>
  asAdmin(`mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`, {
    i: {
      officerId,
      number,
      categories: ['PENALTY', 'INSPECTION'],
      region,
      issuedOn: '2025-01-01',
      expiresOn: '2030-12-31',
    },
  });

const CHANGE = `mutation($n: String!, $s: CredentialStatus!, $r: String!) {
  changeCredentialStatus(number: $n, status: $s, reason: $r) { number } }`;

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  agencyA = await agency('NJ-SJ', '宁晋县市场监督管理局', '宁晋县');
  agencyA2 = await agency('NJ-SJ2', '宁晋县综合行政执法局', '宁晋县');
  agencyC = await agency('BX-SJ', '柏乡县市场监督管理局', '柏乡县');
  officerA = await officer(agencyA, '张建国', ID_NUMBER, PHONE);
  officerC = await officer(agencyC, '李红梅', '130524199001021111', '13987654321');
  intA = await token({ role: Role.INTEGRATOR, sub: 'client-nj', region: '宁晋县' });
  intC = await token({ role: Role.INTEGRATOR, sub: 'client-bx', region: '柏乡县' });
});
afterAll(async () => {
  await p?.stop();
  await endpoints.stop();
});

const outboxCount = async () =>
  Number((await sql<{ n: string }>(p.databaseUrl, 'select count(*) as n from personnel.outbox'))[0].n);

test('issuing, suspending and revoking reach the region’s endpoint signed and schema-valid, as logged; another region sees nothing of it; no ID number or phone leaves', async () => {
  const [ra, rc] = [await receiver(), await receiver()];
  const a = ok(await register(intA, ra.url)).registerWebhook;
  ok(await register(intC, rc.url));
  expect(a.sources.map((s: { source: string }) => s.source)).toEqual(['personnel']);

  await issue(officerA, 'HB-NJ-SJ-0001', '宁晋县');
  await asAdmin(CHANGE, { n: 'HB-NJ-SJ-0001', s: 'SUSPENDED', r: SUSPEND_REASON });
  await asAdmin(CHANGE, { n: 'HB-NJ-SJ-0001', s: 'REVOKED', r: '严重违规，注销证件' });
  await issue(officerC, 'HB-BX-SJ-0001', '柏乡县');

  await until('three events for 宁晋县', () => (ra.acknowledged().length >= 3 ? true : undefined));
  await until('one event for 柏乡县', () => (rc.acknowledged().length >= 1 ? true : undefined));

  expect(ra.requests.map((q) => [q.body.type, q.body.payload.status, q.body.payload.previousStatus])).toEqual([
    ['CredentialIssued', 'VALID', undefined],
    ['CredentialStatusChanged', 'SUSPENDED', 'VALID'],
    ['CredentialStatusChanged', 'REVOKED', 'SUSPENDED'],
  ]);
  expect(ra.requests[0].body).toMatchObject({ agencyId: agencyA, subjectId: 'HB-NJ-SJ-0001' });
  // Exactly the public check's fields: number, holder, agency, categories, region, validity, status.
  expect(ra.requests[0].body.payload).toEqual({
    credentialNumber: 'HB-NJ-SJ-0001',
    holderName: '张建国',
    agencyId: agencyA,
    agencyName: '宁晋县市场监督管理局',
    categories: ['PENALTY', 'INSPECTION'],
    region: '宁晋县',
    issuedOn: '2025-01-01',
    expiresOn: '2030-12-31',
    status: 'VALID',
  });

  const logA = await log('personnelEvents', intA);
  for (const q of ra.requests) expectDeliveredAsLogged(q, logA, 'personnel');
  for (const q of rc.requests) expectDeliveredAsLogged(q, await log('personnelEvents', intC), 'personnel');

  // Neither the holder's ID number and phone, nor the officer's id, nor the (unpublished) reason leaves.
  for (const q of [...ra.requests, ...rc.requests]) {
    expect(q.raw).not.toMatch(/130528198805061234|13812345678|130524199001021111|13987654321/);
    expect(q.raw).not.toContain(officerA);
    expect(q.raw).not.toContain(officerC);
    expect(q.raw).not.toContain(SUSPEND_REASON);
  }

  // 柏乡县's integrator: its own credential only, in deliveries and in the log; 宁晋县's sees none of it.
  expect(rc.requests.map((q) => [q.body.type, q.body.agencyId])).toEqual([['CredentialIssued', agencyC]]);
  expect((await log('personnelEvents', intC)).map((e) => e.node.subjectId)).toEqual(['HB-BX-SJ-0001']);
  expect(logA.map((e) => e.node.subjectId)).toEqual(['HB-NJ-SJ-0001', 'HB-NJ-SJ-0001', 'HB-NJ-SJ-0001']);
  expect(logA.every((e) => e.node.agencyId === agencyA)).toBe(true);
});

test('a refused change publishes nothing; a restore publishes one event', async () => {
  await issue(officerA, 'HB-NJ-SJ-0002', '宁晋县');
  const before = await outboxCount();
  // REVOKED is final, and EXPIRED is never set: both refused, nothing written.
  await asAdmin(CHANGE, { n: 'HB-NJ-SJ-0002', s: 'REVOKED', r: '注销' });
  const afterRevoke = await outboxCount();
  expect(afterRevoke).toBe(before + 1);
  for (const s of ['VALID', 'EXPIRED']) {
    const r = await p.gql(CHANGE, { n: 'HB-NJ-SJ-0002', s, r: '恢复' }, { token: admin });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  }
  expect(await outboxCount()).toBe(afterRevoke);

  await issue(officerA, 'HB-NJ-SJ-0003', '宁晋县');
  await asAdmin(CHANGE, { n: 'HB-NJ-SJ-0003', s: 'SUSPENDED', r: '暂扣' });
  await asAdmin(CHANGE, { n: 'HB-NJ-SJ-0003', s: 'VALID', r: '恢复' });
  const restored = (await log('personnelEvents', intA)).filter((e) => e.node.subjectId === 'HB-NJ-SJ-0003');
  expect(restored.map((e) => [e.node.type, JSON.parse(e.node.payloadJson).status])).toEqual([
    ['CredentialIssued', 'VALID'],
    ['CredentialStatusChanged', 'SUSPENDED'],
    ['CredentialStatusChanged', 'VALID'],
  ]);
});

test('a transfer revokes the credentials of the old agency (调离注销): one event each, in the old agency, by webhook', async () => {
  const r = await receiver();
  ok(await register(intA, r.url, ['CredentialStatusChanged']));
  const mover = await officer(agencyA, '王立新', '130528199203031234', '13711112222');
  await issue(mover, 'HB-NJ-SJ-0101', '宁晋县');
  await issue(mover, 'HB-NJ-SJ-0102', '宁晋县');
  await asAdmin(CHANGE, { n: 'HB-NJ-SJ-0102', s: 'SUSPENDED', r: '暂扣' });
  await until('the suspension', () => (r.acknowledged().length >= 1 ? true : undefined));

  await asAdmin(`mutation($i: TransferOfficerInput!) { transferOfficer(input: $i) { id } }`, {
    i: { officerId: mover, agencyId: agencyA2, effectiveOn: shanghaiDate(), reason: '工作需要' },
  });
  await until('both revocations', () => (r.acknowledged().length >= 3 ? true : undefined));

  const revoked = r.requests.slice(1).map((q) => q.body);
  expect(revoked.map((b) => [b.subjectId, b.payload.status, b.payload.previousStatus]).sort()).toEqual([
    ['HB-NJ-SJ-0101', 'REVOKED', 'VALID'],
    ['HB-NJ-SJ-0102', 'REVOKED', 'SUSPENDED'],
  ]);
  // The credential stays the old agency's: the new one issues its own.
  expect(revoked.every((b) => b.agencyId === agencyA && b.payload.agencyName === '宁晋县市场监督管理局')).toBe(true);
  for (const q of r.requests) {
    expect(schemaErrors(q.body.type, q.body.payload)).toEqual([]);
    expect(q.raw).not.toMatch(/130528199203031234|13711112222|工作需要/);
  }
});
