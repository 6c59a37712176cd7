import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import {
  EVENT_SCHEMA_VERSION,
  eventJsonSchemaFiles,
  eventSchemaDir,
  eventSchemaId,
  INTEGRATOR_PAYLOAD_SCHEMAS,
  INTEGRATOR_SOURCES,
} from '@tsp/shared';

import { schemaErrors } from '../../test/kit/event-schemas';

const dir = path.resolve(__dirname, '..', '..', eventSchemaDir());
const generated = eventJsonSchemaFiles();

describe('checked-in payload schemas', () => {
  // A contract change without `npm run event-schemas` (or a new version) fails here.
  test.each([...generated.keys()])('%s is what the script writes', (name) => {
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe(generated.get(name));
  });

  test('the folder holds exactly one schema per event type of every source', () => {
    const types = Object.values(INTEGRATOR_SOURCES).flat();
    expect(readdirSync(dir).sort()).toEqual(types.map((t) => `${t}.schema.json`).sort());
    expect(new Set(types).size).toBe(types.length);
  });

  test('each $id names its version and type; each names every required field of its contract', () => {
    for (const [type, zod] of Object.entries(INTEGRATOR_PAYLOAD_SCHEMAS)) {
      const file = JSON.parse(readFileSync(path.join(dir, `${type}.schema.json`), 'utf8'));
      expect(file.$id).toBe(eventSchemaId(type));
      expect(file.$id).toContain(`:${EVENT_SCHEMA_VERSION}:`);
      const required = Object.entries(zod.shape)
        .filter(([, f]) => !(f as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success)
        .map(([k]) => k);
      expect([...file.required].sort()).toEqual(required.sort());
    }
  });

  test('a payload missing a required field or with a wrong enum value is refused', () => {
    const ok = {
      complaintId: 'c1',
      status: 'SUBMITTED',
      anonymous: true,
      officerId: null,
      caseNumber: null,
      dueOn: null,
      upheld: null,
    };
    expect(schemaErrors('ComplaintSubmitted', ok)).toEqual([]);
    const { status: _omitted, ...missing } = ok;
    expect(schemaErrors('ComplaintSubmitted', missing).join()).toMatch(/status/);
    expect(
      schemaErrors('CaseArchived', { caseId: 'x', caseNumber: 'n', category: 'NOPE', archivedAt: 't', entries: 1 }),
    ).not.toEqual([]);
  });
});
