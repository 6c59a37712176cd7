import '../kit/log-level-info';

import { captureLogs, logger } from '@tsp/shared';

import { sql } from '../kit/db';
import { type Platform, startPlatform } from '../kit/platform';
import { OPEN, penaltyCase, type RecordsWorld, setupWorld, snapshot } from '../kit/records-fixtures';

/**
 * No log line ever contains a party's ID number or phone. A NUL byte in
 * `party.address` used to answer INTERNAL_SERVER_ERROR and log the whole INSERT with the party's ID
 * number and phone; refused input, conflicts and a write that fails inside PostgreSQL are fed
 * through the real gateway here, and every line the platform logged is searched.
 */
const ID_NUMBER = '130528198001011234';
const PHONE = '13800000000';
const ANY_ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const ANY_PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

const lines: string[] = [];
let p: Platform;
let w: RecordsWorld;
beforeAll(async () => {
  captureLogs((line) => void lines.push(line));
  p = await startPlatform();
  w = await setupWorld(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
  captureLogs(null);
});

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const party = (extra: Record<string, unknown> = {}) => ({
  type: 'NATURAL_PERSON',
  name: '王某某',
  idNumber: ID_NUMBER,
  phone: PHONE,
  address: '宁晋县凤凰镇某村',
  ...extra,
});
const open = (caseNumber: string, partyExtra: Record<string, unknown> = {}) =>
  p.gql(OPEN, { i: { ...penaltyCase(w, caseNumber), party: party(partyExtra) } }, { token: w.tokens.a });

function expectNoPersonalNumbers(logged: string[]) {
  const leaks = logged.filter((l) => ANY_ID_NUMBER.test(l) || ANY_PHONE.test(l) || l.includes(ID_NUMBER.slice(6, 14)));
  expect(leaks).toEqual([]);
}

test('the logs are really captured (so the searches below can fail)', () => {
  expect(lines.some((l) => /subgraph listening/.test(l))).toBe(true);
});

test('refused input and conflicts: NUL in party.address is BAD_USER_INPUT; no log has the numbers', async () => {
  const from = lines.length;
  const nul = await open('宁规罚〔2026〕701号', { address: '凤凰镇\u0000某村' });
  expect({ code: code(nul), field: nul.errors?.[0]?.extensions?.field }).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'input.party.address',
  });
  expect(code(await open('宁规罚〔2026〕702号', { type: 'ORGANIZATION', isMinor: true }))).toBe('BAD_USER_INPUT');
  expect((await open('宁规罚〔2026〕703号')).errors).toBeUndefined();
  expect(code(await open('宁规罚〔2026〕703号'))).toBe('CONFLICT');
  expectNoPersonalNumbers(lines.slice(from));
});

describe('a write that fails unexpectedly inside PostgreSQL', () => {
  // A real database failure at INSERT time (as a full disk or a broken constraint would give), whose
  // message and detail themselves quote the party's numbers.
  beforeAll(async () => {
    await sql(
      p.databaseUrl,
      `
      create function records.test_fail_insert() returns trigger language plpgsql as $$
      begin
        if new.party_address like '%模拟故障%' then
          raise exception 'simulated storage failure for % (%)', new.party_id_number, new.party_phone
            using detail = format('Key (party_phone)=(%s) row %s', new.party_phone, new.party_id_number);
        end if;
        return new;
      end $$;
      create trigger test_fail_insert before insert on records.enforcement_case
        for each row execute function records.test_fail_insert();`,
    );
  });
  afterAll(async () => {
    await sql(
      p.databaseUrl,
      `drop trigger test_fail_insert on records.enforcement_case; drop function records.test_fail_insert();`,
    );
  });

  test("answers INTERNAL_SERVER_ERROR, writes nothing, and logs the failure without the SQL's values", async () => {
    const before = await snapshot(p);
    const from = lines.length;
    const r = await open('宁规罚〔2026〕704号', { address: '凤凰镇模拟故障村' });
    expect(code(r)).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(r.errors)).not.toContain(ID_NUMBER);
    expect(await snapshot(p)).toEqual(before);

    const logged = lines.slice(from);
    const failure = logged.map((l) => JSON.parse(l)).find((l) => l.msg === 'unexpected error');
    // Enough to find the cause: which statement on which table, and what PostgreSQL said.
    expect(failure?.err).toMatchObject({
      statement: expect.stringMatching(/^insert into "records"\."enforcement_case"/),
      routine: expect.any(String),
    });
    expect(failure.err.message).toMatch(/simulated storage failure/);
    expect(JSON.stringify(failure)).not.toMatch(/values|王某某|凤凰镇/);
    expectNoPersonalNumbers(logged);
  });
});

test('pino redacts personal fields by name, and scrubs the numbers from any text or driver message', () => {
  const from = lines.length;
  const log = logger('item7-test');
  const input = { party: { name: '王某某', idNumber: 'X-42', phone: 'call me', address: '某村' } };
  log.info({ input, variables: { anything: 1 } }, 'a party');
  const driverMessage = `insert into "records"."enforcement_case" ("party_id_number") values ('${ID_NUMBER}') - boom`;
  log.warn({ err: driverMessage }, 'batch failed');
  log.error(`caller typed ${PHONE} and ${ID_NUMBER.slice(0, 17)}x`);
  const logged = lines.slice(from).map((l) => JSON.parse(l));
  expect(logged[0].input.party).toEqual({
    name: '王某某',
    idNumber: '[redacted]',
    phone: '[redacted]',
    address: '[redacted]',
  });
  expect(logged[0].variables).toBe('[redacted]');
  expect(logged[1].err).toBe('insert into "records"."enforcement_case" failed: boom');
  expect(logged[2].msg).toBe('caller typed [redacted] and [redacted]');
  expectNoPersonalNumbers(lines.slice(from));
});

test('nothing the whole run logged holds an ID number or phone', () => {
  expect(lines.length).toBeGreaterThan(10);
  expectNoPersonalNumbers(lines);
});
