import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Role } from '@tsp/shared';
import {
  buildASTSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
} from 'graphql';

import { type Platform, startPlatform, token } from './kit/platform';

/**
 * Every mutation of the supergraph honours Idempotency-Key, not just the ones with a test of their
 * own. One caller uses one key for one real mutation in each subgraph's schema; every other mutation
 * sent with that key must then answer CONFLICT before it reads its arguments or checks the caller's
 * role — which only the idempotency wrapper does; the mutations the key was used for, sent with the
 * dummy arguments, answer CONFLICT too (other arguments), and with their own arguments answer again
 * without error. A new mutation that skips the wrapper fails here.
 */
const supergraph = buildASTSchema(parse(readFileSync(join(__dirname, '..', 'gateway', 'supergraph.graphql'), 'utf8')), {
  assumeValidSDL: true,
});
const mutations = Object.values(supergraph.getMutationType()!.getFields());
const graphOf = (f: GraphQLField<unknown, unknown>) =>
  String(
    (f.astNode?.directives?.find((d) => d.name.value === 'join__field')?.arguments?.[0]?.value as { value?: string })
      ?.value,
  );

/** A value GraphQL and the subgraph's scalars accept; the wrapper answers before any rule reads it. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, dummy(f.type)]),
    );
  const scalars: Record<string, unknown> = {
    ID: '00000000-0000-4000-8000-000000000000',
    String: 'x',
    Int: 1,
    Float: 1,
    Boolean: false,
    Date: '2026-01-05',
    DateTime: '2026-01-05T00:00:00Z',
    Decimal: '1.00',
  };
  if (!(type.name in scalars)) throw new Error(`no dummy value for scalar ${type.name}`);
  return scalars[type.name];
}

/** The mutation with every required argument set to a dummy. */
function request(f: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const args = f.args.filter((a) => isNonNullType(a.type));
  const vars = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const pass = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(f.type)) ? ' { __typename }' : '';
  return {
    query: `mutation${vars ? `(${vars})` : ''} { ${f.name}${pass ? `(${pass})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, dummy(a.type)])),
  };
}

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

test('every mutation of the supergraph goes through the Idempotency-Key check', async () => {
  expect(mutations.length).toBeGreaterThan(40);
  const admin = await token({ role: Role.ADMIN, sub: 'admin-idempotency' });
  const opts = { token: admin, headers: { 'idempotency-key': 'coverage-1' } };
  const used = async (query: string, variables: Record<string, unknown>) => {
    const r = await p.gql(query, variables, opts);
    expect(r.errors).toBeUndefined();
    return r.data;
  };

  // The key's first use in each subgraph's schema: real mutations an ADMIN may make.
  const CREATE = `mutation { createAgency(input: { code: "IDEM-1", name: "宁晋县幂等测试局", kind: MARKET_REGULATION, region: "宁晋县", legalOfficeName: "法制股" }) { id } }`;
  const agencyId = (await used(CREATE, {})).createAgency.id;
  const firstUses: [string, Record<string, unknown>][] = [
    [`mutation($a: ID!) { setAudioVisualList(agencyId: $a, activities: [ON_SITE_INSPECTION]) }`, { a: agencyId }],
    [`mutation { allowWebhookHost(host: "hooks.example.org") { host } }`, {}],
    [
      `mutation($a: ID!) { upsertEnforcementItem(agencyId: $a, input: { name: "食品经营许可", category: LICENSING, legalBasis: "《食品安全法》", responsibleBody: "许可科" }) { id } }`,
      { a: agencyId },
    ],
    [
      `mutation { registerEnterprise(input: { creditCode: "914403001922038216", name: "幂等测试企业", region: "宁晋县" }) { id } }`,
      {},
    ],
    [
      `mutation($a: ID!) { submitComplaint(input: { agencyId: $a, subject: "幂等测试", content: "内容", name: "张三", phone: "13800138000" }) { status } }`,
      { a: agencyId },
    ],
  ];
  for (const [query, variables] of firstUses) await used(query, variables);
  const firstUse: Record<string, string> = {
    PERSONNEL: 'createAgency',
    RECORDS: 'setAudioVisualList',
    REVIEW: 'allowWebhookHost',
    DISCLOSURE: 'upsertEnforcementItem',
    INSPECTION: 'registerEnterprise',
    SUPERVISION: 'submitComplaint',
  };

  const unguarded: string[] = [];
  for (const f of mutations) {
    const { query, variables } = request(f);
    const r = await p.gql(query, variables, opts);
    const first = firstUse[graphOf(f)];
    expect(first).toBeDefined();
    const e = r.errors?.[0];
    // The key's own mutation with the dummy arguments is refused as other arguments; any other, as another operation.
    const refusal = f.name === first ? 'already used with different arguments' : `already used for ${first}`;
    if (e?.extensions?.code !== 'CONFLICT' || !e.message.includes(refusal))
      unguarded.push(`${f.name}: ${e?.extensions?.code ?? 'no error'} ${e?.message ?? ''}`);
  }
  expect(unguarded).toEqual([]);
  // With their own arguments the key's mutations answer again: the same agency, no error.
  expect((await used(CREATE, {})).createAgency.id).toBe(agencyId);
  for (const [query, variables] of firstUses) await used(query, variables);
  // Nothing was written by the refused mutations: still one agency of that code, one list entry.
  const again = await p.gql(`query($a: ID!) { enforcementItems(agencyId: $a) { id } }`, { a: agencyId });
  expect(again.data.enforcementItems).toHaveLength(1);
});
