import { readFileSync } from 'node:fs';
import path from 'node:path';

import { EVENT_SCHEMA_VERSION, eventSchemaDir } from '@tsp/shared';
import Ajv2020 from 'ajv/dist/2020';

const root = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ allErrors: true, strict: true });

/** The checked-in JSON Schema of an event type's payload (docs/events/<version>/<type>.schema.json). */
export function checkedInSchema(type: string, version = EVENT_SCHEMA_VERSION): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, eventSchemaDir(version), `${type}.schema.json`), 'utf8'));
}

/** Validates a payload against the checked-in schema of its type; the errors in words, [] when valid. */
export function schemaErrors(type: string, payload: unknown): string[] {
  const schema = checkedInSchema(type);
  const validate = ajv.getSchema(schema.$id as string) ?? ajv.compile(schema);
  return validate(payload) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
