import { seedCases } from '@tsp/scripts/seed/cases';
import { seedDisclosure } from '@tsp/scripts/seed/disclosure';
import { blobUploader, gqlClient } from '@tsp/scripts/seed/index';
import { seedPersonnel } from '@tsp/scripts/seed/personnel';
import { Role } from '@tsp/shared';

import { type Platform, startPlatform, token } from './kit/platform';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

test('the demo cases go through the public API with every rule met, and the legacy case shows as findings', async () => {
  const as = gqlClient(p.gatewayUrl);
  const personnel = await seedPersonnel((q, v) => as({ role: Role.ADMIN, sub: 'seed-admin' }, q, v));
  const { benchmarks } = await seedDisclosure(as, personnel.agencies);
  const seeded = await seedCases(as, personnel, blobUploader(p.gatewayUrl), undefined, benchmarks);
  expect(
    seeded.cases
      .filter((c) => c.stage === 'ARCHIVED')
      .map((c) => c.category)
      .sort(),
  ).toEqual(['INSPECTION', 'LICENSING', 'PENALTY', 'PENALTY']);
  expect(new Set(seeded.cases.map((c) => c.stage))).toEqual(
    new Set(['ARCHIVED', 'EVIDENCE', 'EXAMINATION', 'INVESTIGATION', 'DECISION', 'FILING']),
  );

  const sup = await token({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  const legacy = seeded.cases.find((c) => c.legacy)!;
  const r = await p.gql(
    `query($a: ID!) { agency(id: $a) { caseCount recordFindings { kind subjectId } } }`,
    { a: personnel.agencies.marketRegulation.id },
    { token: sup },
  );
  expect(r.errors).toBeUndefined();
  const kinds = r.data.agency.recordFindings.map((f: { kind: string }) => f.kind);
  expect(kinds).toEqual(
    expect.arrayContaining(['CASE_OVERDUE', 'AUDIO_VISUAL_MISSING', 'ACTION_WITHOUT_VALID_CREDENTIAL']),
  );
  expect(r.data.agency.recordFindings.find((f: { kind: string }) => f.kind === 'CASE_OVERDUE').subjectId).toBe(
    legacy.id,
  );
  expect(kinds).not.toContain('JOURNAL_NOT_INTACT');
  // The agencies whose cases were all recorded live have no records findings.
  const clean = await p.gql(
    `query($a: ID!) { agency(id: $a) { recordFindings { kind } } }`,
    { a: personnel.agencies.planning.id },
    { token: sup },
  );
  expect(clean.data.agency.recordFindings).toEqual([]);

  // Penalties were decided after their notice, naming their benchmark's tier; one waits for its hearing.
  const CASE = `query($id: ID!) { case(id: $id) { decision { discretionTier discretionDepartures }
    procedure { notice { hearingOffered } waivedOn hearingRequestedOn hearing { heldAt } } } }`;
  const read = async (id: string) => (await p.gql(CASE, { id }, { token: sup })).data.case;
  const planningPenalty = seeded.cases.find((c) => c.agencyKey === 'planning' && c.stage === 'ARCHIVED')!;
  expect(await read(planningPenalty.id)).toMatchObject({
    decision: { discretionTier: 'LENIENT', discretionDepartures: [] },
    procedure: { notice: { hearingOffered: false }, waivedOn: expect.any(String) },
  });
  const pending = seeded.cases.find((c) => c.stage === 'EXAMINATION')!;
  expect(await read(pending.id)).toMatchObject({
    decision: null,
    procedure: { notice: { hearingOffered: true }, hearingRequestedOn: expect.any(String), hearing: null },
  });
}, 240_000);
