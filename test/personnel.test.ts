import { type SeededOfficer, type SeededPersonnel, seedPersonnel } from '@tsp/scripts/seed/personnel';
import { INTERNAL_SECRET_HEADER, internalSecret, Role } from '@tsp/shared';

import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';

/**
 * Who may read and change what, through the gateway with real tokens,
 * on the seeded county (宁晋县) plus one agency of another county (柏乡县).
 */
let p: Platform;
let s: SeededPersonnel;
let admin: string;
let other: { agencyId: string; officerId: string };

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const officerOf = (key: keyof SeededPersonnel['agencies'], role: SeededOfficer['role'] = 'ENFORCEMENT') =>
  s.officers.find(
    (o) => o.agencyKey === key && o.role === role && (role === 'LEGAL_REVIEWER' || o.credentialNumbers.length > 0),
  )!;
const credentialOf = (state: string) => s.credentials.find((c) => c.state === state)!;

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  s = await seedPersonnel((q, v) => p.gql(q, v as Record<string, unknown>, { token: admin }));
  const a = await p.gql(
    `mutation { createAgency(input: { code: "130524-SJJ", name: "柏乡县市场监督管理局", kind: MARKET_REGULATION, region: "柏乡县", legalOfficeName: "法规股" }) { id } }`,
    {},
    { token: admin },
  );
  const o = await p.gql(
    `mutation($a: ID!) { registerOfficer(input: { agencyId: $a, name: "韩立军", position: "执法大队队员", roles: [ENFORCEMENT], idNumber: "130524198001010011" }) { id } }`,
    { a: a.data.createAgency.id },
    { token: admin },
  );
  other = { agencyId: a.data.createAgency.id, officerId: o.data.registerOfficer.id };
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

describe('an officer of agency A (城乡规划局) and agency B (市场监督管理局)', () => {
  let tokenA: string;
  let headA: string;
  let ownOfficer: SeededOfficer;
  let officerB: SeededOfficer;
  beforeAll(async () => {
    ownOfficer = officerOf('planning');
    officerB = officerOf('marketRegulation');
    tokenA = await token({ role: Role.OFFICER, sub: ownOfficer.id, agencyId: s.agencies.planning.id });
    headA = await token({ role: Role.AGENCY_HEAD, sub: 'head-planning', agencyId: s.agencies.planning.id });
  });

  test('reads its own agency, its colleagues and their private fields', async () => {
    const r = await p.gql(
      `query($id: ID!, $a: ID!) { officer(id: $id) { name idNumber phone agency { name } credentials { number status } }
         agency(id: $a) { officers { id } } officers(agencyId: $a) { edges { node { id } } } }`,
      { id: ownOfficer.id, a: s.agencies.planning.id },
      { token: tokenA },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.officer).toMatchObject({ name: ownOfficer.name, agency: { name: '宁晋县城乡规划局' } });
    expect(r.data.officer.idNumber).toMatch(/^130528\d{11}[\dX]$/);
    expect(r.data.officer.phone).toMatch(/^0319-/);
    expect(r.data.officer.credentials).toEqual([
      { number: ownOfficer.credentialNumbers[0], status: expect.any(String) },
    ]);
    const planningStaff = s.officers.filter((o) => o.agencyKey === 'planning').length;
    expect(r.data.agency.officers).toHaveLength(planningStaff);
    expect(r.data.officers.edges).toHaveLength(planningStaff);
  });

  test('cannot read agency B’s officers by any path: officer(id), agency.officers, officers(agencyId), findings', async () => {
    const byId = await p.gql(
      `query($id: ID!) { officer(id: $id) { name idNumber phone } }`,
      { id: officerB.id },
      { token: tokenA },
    );
    expect(code(byId)).toBe('FORBIDDEN');
    expect(byId.data?.officer ?? null).toBeNull();
    expect(JSON.stringify(byId)).not.toContain(officerB.name);

    const viaAgency = await p.gql(
      `query($a: ID!) { agency(id: $a) { name officers { name idNumber } } }`,
      { a: s.agencies.marketRegulation.id },
      { token: tokenA },
    );
    expect(code(viaAgency)).toBe('FORBIDDEN');
    expect(JSON.stringify(viaAgency)).not.toContain(officerB.name);

    const list = await p.gql(
      `query($a: ID!) { officers(agencyId: $a) { edges { node { name phone } } } }`,
      { a: s.agencies.marketRegulation.id },
      { token: tokenA },
    );
    expect(code(list)).toBe('FORBIDDEN');
    expect(list.data?.officers ?? null).toBeNull();

    // Findings of an agency outside the caller's scope: none (one query over many agencies still answers).
    const findings = await p.gql(
      `query($a: ID!) { agency(id: $a) { personnelFindings { subjectId } } }`,
      { a: s.agencies.marketRegulation.id },
      { token: tokenA },
    );
    expect(findings.errors).toBeUndefined();
    expect(findings.data.agency.personnelFindings).toEqual([]);
  });

  test('still sees agency B’s public fields', async () => {
    const r = await p.gql(
      `query($a: ID!) { agency(id: $a) { name region reviewerStaffing { enforcementOfficers legalReviewers required compliant } } }`,
      { a: s.agencies.marketRegulation.id },
      { token: tokenA },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.agency).toEqual({
      name: '宁晋县市场监督管理局',
      region: '宁晋县',
      reviewerStaffing: { enforcementOfficers: 21, legalReviewers: 1, required: 2, compliant: false },
    });
  });

  test('cannot change agency B’s credentials, officers or training, and nothing changes', async () => {
    const number = officerB.credentialNumbers[0];
    for (const t of [tokenA, headA]) {
      const suspend = await p.gql(
        `mutation($n: String!) { changeCredentialStatus(number: $n, status: SUSPENDED, reason: "test") { status } }`,
        { n: number },
        { token: t },
      );
      expect(code(suspend)).toBe('FORBIDDEN');
      const issue = await p.gql(
        `mutation($o: ID!) { issueCredential(input: { officerId: $o, number: "13052820269901", categories: [PENALTY], region: "宁晋县", issuedOn: "2026-01-05", expiresOn: "2031-01-04" }) { number } }`,
        { o: officerB.id },
        { token: t },
      );
      expect(code(issue)).toBe('FORBIDDEN');
      const train = await p.gql(
        `mutation($o: ID!) { recordTraining(input: { officerId: $o, day: "2026-03-02", hours: 2, topic: "x" }) }`,
        { o: officerB.id },
        { token: t },
      );
      expect(code(train)).toBe('FORBIDDEN');
      const register = await p.gql(
        `mutation($a: ID!) { registerOfficer(input: { agencyId: $a, name: "冒名", position: "科员", roles: [ENFORCEMENT] }) { id } }`,
        { a: s.agencies.marketRegulation.id },
        { token: t },
      );
      expect(code(register)).toBe('FORBIDDEN');
    }
    const check = await p.gql(`query($n: String!) { verifyCredential(number: $n) { valid status } }`, { n: number });
    expect(check.data.verifyCredential).toEqual({ valid: true, status: 'VALID' });
    const unissued = await p.gql(`{ verifyCredential(number: "13052820269901") { valid status } }`);
    expect(unissued.data.verifyCredential).toEqual({ valid: false, status: null });
    const staff = await p.gql(
      `query($a: ID!) { agency(id: $a) { officers { name } } }`,
      { a: s.agencies.marketRegulation.id },
      { token: admin },
    );
    expect(staff.data.agency.officers.map((o: { name: string }) => o.name)).not.toContain('冒名');
  });

  test('ADMIN-only mutations refuse officers and agency heads, even for their own agency', async () => {
    const own = ownOfficer.credentialNumbers[0];
    for (const t of [tokenA, headA]) {
      expect(
        code(
          await p.gql(
            `mutation { createAgency(input: { code: "X-1", name: "某局", kind: OTHER, region: "宁晋县", legalOfficeName: "法制股" }) { id } }`,
            {},
            { token: t },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        code(
          await p.gql(
            `mutation($n: String!) { changeCredentialStatus(number: $n, status: SUSPENDED, reason: "自行暂扣") { status } }`,
            { n: own },
            { token: t },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        code(
          await p.gql(
            `mutation($o: ID!) { issueCredential(input: { officerId: $o, number: "13052820269902", categories: [PENALTY], region: "宁晋县", issuedOn: "2026-01-05", expiresOn: "2031-01-04" }) { number } }`,
            { o: ownOfficer.id },
            { token: t },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        code(
          await p.gql(
            `mutation { loadWorkingDayCalendar(days: [{ date: "2027-01-01", working: false }]) }`,
            {},
            { token: t },
          ),
        ),
      ).toBe('FORBIDDEN');
    }
    // An officer may not register colleagues or record training either: that is the head's or the admin's job.
    expect(
      code(
        await p.gql(
          `mutation($o: ID!) { recordTraining(input: { officerId: $o, day: "2026-03-02", hours: 2, topic: "自学" }) }`,
          { o: ownOfficer.id },
          { token: tokenA },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  test('the agency head registers officers and records training for its own agency', async () => {
    const reg = await p.gql(
      `mutation($a: ID!) { registerOfficer(input: { agencyId: $a, name: "宋明哲", position: "规划监察大队队员", roles: [ENFORCEMENT] }) { id name agency { name } } }`,
      { a: s.agencies.planning.id },
      { token: headA },
    );
    expect(reg.errors).toBeUndefined();
    expect(reg.data.registerOfficer).toMatchObject({ name: '宋明哲', agency: { name: '宁晋县城乡规划局' } });
    const t1 = await p.gql(
      `mutation($o: ID!) { recordTraining(input: { officerId: $o, day: "2026-03-02", hours: 2.5, topic: "入职培训" }) }`,
      { o: reg.data.registerOfficer.id },
      { token: headA },
    );
    const t2 = await p.gql(
      `mutation($o: ID!) { recordTraining(input: { officerId: $o, day: "2026-05-11", hours: 4, topic: "执法记录仪使用" }) }`,
      { o: reg.data.registerOfficer.id },
      { token: headA },
    );
    expect(t1.data.recordTraining).toBe(2.5);
    expect(t2.data.recordTraining).toBe(6.5);
    const hours = await p.gql(
      `query($id: ID!) { officer(id: $id) { y2026: trainingHours(year: 2026) y2025: trainingHours(year: 2025) } }`,
      { id: reg.data.registerOfficer.id },
      { token: headA },
    );
    expect(hours.data.officer).toEqual({ y2026: 6.5, y2025: 0 });
  });
});

describe('the supervisor of 宁晋县 (司法局)', () => {
  let sup: string;
  beforeAll(async () => {
    sup = await token({ role: Role.SUPERVISOR, sub: 'sfj-supervisor', region: '宁晋县' });
  });

  test('reads every agency of its region, officers and private fields included', async () => {
    const r = await p.gql(
      `{ agencies(region: "宁晋县") { code officers { id idNumber credentials { number } } } }`,
      {},
      { token: sup },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.agencies).toHaveLength(5);
    const seen = new Map<string, string | null>(
      r.data.agencies.flatMap((a: any) => a.officers.map((o: any) => [o.id, o.idNumber])),
    );
    for (const o of s.officers) expect(seen.get(o.id)).toMatch(/^130528\d{11}[\dX]$/);
    const one = await p.gql(
      `query($id: ID!) { officer(id: $id) { name } }`,
      { id: officerOf('township').id },
      { token: sup },
    );
    expect(one.data.officer.name).toBe(officerOf('township').name);
  });

  test('does not read another region', async () => {
    expect(
      code(await p.gql(`query($id: ID!) { officer(id: $id) { name } }`, { id: other.officerId }, { token: sup })),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await p.gql(
          `query($a: ID!) { officers(agencyId: $a) { edges { node { name } } } }`,
          { a: other.agencyId },
          { token: sup },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await p.gql(`query($a: ID!) { agency(id: $a) { officers { name } } }`, { a: other.agencyId }, { token: sup }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (
        await p.gql(
          `query($a: ID!) { agency(id: $a) { personnelFindings { kind } } }`,
          { a: other.agencyId },
          { token: sup },
        )
      ).data.agency.personnelFindings,
    ).toEqual([]);
  });

  test('changes nothing', async () => {
    const target = officerOf('cultureTourism');
    const attempts: [string, Record<string, unknown>][] = [
      [
        `mutation { createAgency(input: { code: "X-2", name: "某局", kind: OTHER, region: "宁晋县", legalOfficeName: "法制股" }) { id } }`,
        {},
      ],
      [
        `mutation($a: ID!) { registerOfficer(input: { agencyId: $a, name: "某人", position: "科员", roles: [ENFORCEMENT] }) { id } }`,
        { a: s.agencies.cultureTourism.id },
      ],
      [
        `mutation($a: ID!) { registerOfficer(input: { agencyId: $a, name: "某人", position: "科员", roles: [ENFORCEMENT] }) { id } }`,
        { a: s.agencies.justice.id },
      ],
      [
        `mutation($o: ID!) { issueCredential(input: { officerId: $o, number: "13052820269903", categories: [PENALTY], region: "宁晋县", issuedOn: "2026-01-05", expiresOn: "2031-01-04" }) { number } }`,
        { o: target.id },
      ],
      [
        `mutation($n: String!) { changeCredentialStatus(number: $n, status: REVOKED, reason: "监督检查") { status } }`,
        { n: target.credentialNumbers[0] },
      ],
      [
        `mutation($o: ID!) { recordTraining(input: { officerId: $o, day: "2026-03-02", hours: 2, topic: "x" }) }`,
        { o: target.id },
      ],
      [`mutation { loadWorkingDayCalendar(days: [{ date: "2027-01-01", working: false }]) }`, {}],
    ];
    for (const [q, v] of attempts) expect([q, code(await p.gql(q, v, { token: sup }))]).toEqual([q, 'FORBIDDEN']);
    const check = await p.gql(`query($n: String!) { verifyCredential(number: $n) { status } }`, {
      n: target.credentialNumbers[0],
    });
    expect(check.data.verifyCredential.status).toBe('VALID');
    const count = await p.gql(`{ agencies { id } }`);
    expect(count.data.agencies).toHaveLength(6);
  });
});

describe('an integrator', () => {
  test('reads officers of the agencies in its token but never their private fields, and nothing else', async () => {
    const integ = await token({ role: Role.INTEGRATOR, sub: 'client-ops', agencyIds: [s.agencies.planning.id] });
    const own = await p.gql(
      `query($id: ID!) { officer(id: $id) { name idNumber phone } }`,
      { id: officerOf('planning').id },
      { token: integ },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.officer).toEqual({ name: officerOf('planning').name, idNumber: null, phone: null });
    expect(
      code(
        await p.gql(`query($id: ID!) { officer(id: $id) { name } }`, { id: officerOf('justice').id }, { token: integ }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('the public', () => {
  test('publicOfficers has exactly the published fields', async () => {
    const t = await p.gql(`{ __type(name: "PublicOfficer") { fields { name } } }`);
    expect(t.data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      'categories',
      'credentialNumber',
      'name',
      'position',
      'region',
      'unit',
    ]);
  });

  test('publicOfficers lists holders of valid credentials only: not the suspended, expired, or reviewers without one', async () => {
    const r = await p.gql(
      `query($a: ID!) { publicOfficers(agencyId: $a) { name unit position credentialNumber categories region } }`,
      { a: s.agencies.marketRegulation.id },
    );
    expect(r.errors).toBeUndefined();
    const valid = s.credentials.filter(
      (c) => c.agencyCode === s.agencies.marketRegulation.code && (c.state === 'VALID' || c.state === 'EXPIRING'),
    );
    expect(r.data.publicOfficers.map((o: { credentialNumber: string }) => o.credentialNumber).sort()).toEqual(
      valid.map((c) => c.number).sort(),
    );
    expect(r.data.publicOfficers.map((o: { credentialNumber: string }) => o.credentialNumber)).not.toContain(
      credentialOf('SUSPENDED').number,
    );
    const first = r.data.publicOfficers[0];
    expect(first).toMatchObject({
      unit: '宁晋县市场监督管理局',
      region: '宁晋县',
      categories: ['LICENSING', 'PENALTY', 'COERCION', 'INSPECTION'],
    });
    const culture = await p.gql(`query($a: ID!) { publicOfficers(agencyId: $a) { credentialNumber } }`, {
      a: s.agencies.cultureTourism.id,
    });
    expect(culture.data.publicOfficers.map((o: { credentialNumber: string }) => o.credentialNumber)).not.toContain(
      credentialOf('EXPIRED').number,
    );
  });

  test('asking for an officer’s private or unpublished fields is refused', async () => {
    const o = officerOf('planning');
    expect(code(await p.gql(`query($id: ID!) { officer(id: $id) { name } }`, { id: o.id }))).toBe('UNAUTHENTICATED');
    expect(
      code(
        await p.gql(`query($a: ID!) { officers(agencyId: $a) { edges { node { name } } } }`, {
          a: s.agencies.planning.id,
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    const viaAgency = await p.gql(`query($a: ID!) { agency(id: $a) { name officers { idNumber phone } } }`, {
      a: s.agencies.planning.id,
    });
    expect(code(viaAgency)).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(viaAgency)).not.toMatch(/130528\d{11}/);
    expect(code(await p.gql(`{ agencies { personnelFindings { kind } } }`))).toBe('UNAUTHENTICATED');
    const unknownField = await p.gql(`query($a: ID!) { publicOfficers(agencyId: $a) { name idNumber } }`, {
      a: s.agencies.planning.id,
    });
    expect(code(unknownField)).toBe('BAD_USER_INPUT');
    expect(
      code(
        await p.gql(
          `mutation { createAgency(input: { code: "X-3", name: "某局", kind: OTHER, region: "宁晋县", legalOfficeName: "法制股" }) { id } }`,
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      code(
        await p.gql(
          `mutation($n: String!) { changeCredentialStatus(number: $n, status: SUSPENDED, reason: "x") { status } }`,
          { n: o.credentialNumbers[0] },
        ),
      ),
    ).toBe('UNAUTHENTICATED');
  });
});

describe('verifyCredential (亮证执法)', () => {
  const VERIFY = `query($n: String!) { verifyCredential(number: $n) { number valid status holderName agencyName categories region expiresOn } }`;

  test('a valid credential: valid, holder, agency, scope and expiry', async () => {
    const c = s.credentials.find((x) => x.state === 'VALID' && x.agencyCode === s.agencies.cultureTourism.code)!;
    const holder = s.officers.find((o) => o.id === c.officerId)!;
    const r = await p.gql(VERIFY, { n: c.number });
    expect(r.data.verifyCredential).toEqual({
      number: c.number,
      valid: true,
      status: 'VALID',
      holderName: holder.name,
      agencyName: '宁晋县文化和旅游局',
      categories: ['LICENSING', 'PENALTY', 'INSPECTION'],
      region: '宁晋县',
      expiresOn: c.expiresOn,
    });
  });

  test('suspended and expired credentials are not valid, and say why', async () => {
    const sus = await p.gql(VERIFY, { n: credentialOf('SUSPENDED').number });
    expect(sus.data.verifyCredential).toMatchObject({ valid: false, status: 'SUSPENDED' });
    const exp = await p.gql(VERIFY, { n: credentialOf('EXPIRED').number });
    expect(exp.data.verifyCredential).toMatchObject({
      valid: false,
      status: 'EXPIRED',
      expiresOn: credentialOf('EXPIRED').expiresOn,
    });
  });

  test('an unknown number answers valid: false with nothing else, never an error', async () => {
    for (const n of ['13052899999999', 'x', "' or 1=1 --", '冀-0001', '9'.repeat(500)]) {
      const r = await p.gql(VERIFY, { n });
      expect(r.errors).toBeUndefined();
      expect(r.data.verifyCredential).toEqual({
        number: n.slice(0, 40),
        valid: false,
        status: null,
        holderName: null,
        agencyName: null,
        categories: null,
        region: null,
        expiresOn: null,
      });
    }
  });
});

describe('动态管理 credential status changes', () => {
  test('suspend and restore show at once on the public list, and the history keeps reason and actor', async () => {
    const o = s.officers.find(
      (x) =>
        x.agencyKey === 'township' &&
        x.credentialNumbers.length &&
        s.credentials.find((c) => c.number === x.credentialNumbers[0])!.state === 'VALID',
    )!;
    const n = o.credentialNumbers[0];
    const listed = async () =>
      (
        await p.gql(`query($a: ID!) { publicOfficers(agencyId: $a) { credentialNumber } }`, {
          a: s.agencies.township.id,
        })
      ).data.publicOfficers.map((x: { credentialNumber: string }) => x.credentialNumber);
    expect(await listed()).toContain(n);

    const admin2 = await token({ role: Role.ADMIN, sub: 'admin-2' });
    const sus = await p.gql(
      `mutation($n: String!) { changeCredentialStatus(number: $n, status: SUSPENDED, reason: "调离执法岗位") { status } }`,
      { n },
      { token: admin },
    );
    expect(sus.data.changeCredentialStatus.status).toBe('SUSPENDED');
    expect(await listed()).not.toContain(n);
    const back = await p.gql(
      `mutation($n: String!) { changeCredentialStatus(number: $n, status: VALID, reason: "恢复执法岗位") { status } }`,
      { n },
      { token: admin2 },
    );
    expect(back.data.changeCredentialStatus.status).toBe('VALID');
    expect(await listed()).toContain(n);

    const h = await p.gql(
      `query($id: ID!) { officer(id: $id) { credentials { number history { fromStatus toStatus reason actor at } } } }`,
      { id: o.id },
      { token: admin },
    );
    const history = h.data.officer.credentials[0].history;
    expect(history.map((x: any) => [x.fromStatus, x.toStatus, x.reason, x.actor])).toEqual([
      [null, 'VALID', '发证 issued', 'admin-1'],
      ['VALID', 'SUSPENDED', '调离执法岗位', 'admin-1'],
      ['SUSPENDED', 'VALID', '恢复执法岗位', 'admin-2'],
    ]);
    expect(history.every((x: any) => !Number.isNaN(Date.parse(x.at)))).toBe(true);
  });

  test('refused changes write nothing: revoked is final, EXPIRED cannot be set, a reason is required', async () => {
    const o = s.officers.find((x) => x.agencyKey === 'justice' && x.credentialNumbers.length)!;
    const n = o.credentialNumbers[0];
    const change = (status: string, reason: string) =>
      p.gql(
        `mutation($n: String!, $s: CredentialStatus!, $r: String!) { changeCredentialStatus(number: $n, status: $s, reason: $r) { status } }`,
        { n, s: status, r: reason },
        { token: admin },
      );

    const noReason = await change('SUSPENDED', '   ');
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0].message).toMatch(/reason/);
    const expired = await change('EXPIRED', '手工过期');
    expect(code(expired)).toBe('BAD_USER_INPUT');
    expect(expired.errors![0].message).toMatch(/expiry date/);
    expect((await change('REVOKED', '调出本系统')).data.changeCredentialStatus.status).toBe('REVOKED');
    const again = await change('VALID', '误操作恢复');
    expect(code(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].message).toMatch(/REVOKED/);

    const h = await p.gql(
      `query($id: ID!) { officer(id: $id) { credentials { history { toStatus } } } }`,
      { id: o.id },
      { token: admin },
    );
    expect(h.data.officer.credentials[0].history.map((x: { toStatus: string }) => x.toStatus)).toEqual([
      'VALID',
      'REVOKED',
    ]);
    const v = await p.gql(`query($n: String!) { verifyCredential(number: $n) { valid status } }`, { n });
    expect(v.data.verifyCredential).toEqual({ valid: false, status: 'REVOKED' });
  });
});

describe('entity references (__resolveReference) are authorized like root fields', () => {
  const entities = (reps: object[], tok?: string) =>
    fetch(p.subgraphs.personnel.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [INTERNAL_SECRET_HEADER]: internalSecret(),
        ...(tok ? { authorization: `Bearer ${tok}` } : {}),
      },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Officer { name } ... on Agency { name } } }`,
        variables: { r: reps },
      }),
    }).then((r) => r.json() as Promise<GqlResult>);

  test('an Officer reference from another agency’s caller is refused; one’s own resolves', async () => {
    const tokenA = await token({ role: Role.OFFICER, sub: 'a-1', agencyId: s.agencies.planning.id });
    const foreign = await entities([{ __typename: 'Officer', id: officerOf('marketRegulation').id }], tokenA);
    expect(code(foreign)).toBe('FORBIDDEN');
    expect(JSON.stringify(foreign)).not.toContain(officerOf('marketRegulation').name);
    const own = await entities([{ __typename: 'Officer', id: officerOf('planning').id }], tokenA);
    expect(own.errors).toBeUndefined();
    expect(own.data._entities).toEqual([{ name: officerOf('planning').name }]);
    const anon = await entities([{ __typename: 'Officer', id: officerOf('planning').id }]);
    expect(code(anon)).toBe('UNAUTHENTICATED');
  });

  test('an Agency reference is public', async () => {
    const r = await entities([{ __typename: 'Agency', id: s.agencies.justice.id }]);
    expect(r.errors).toBeUndefined();
    expect(r.data._entities).toEqual([{ name: '宁晋县司法局' }]);
  });
});
