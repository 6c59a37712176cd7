import { z } from 'zod';

import { INTEGRATOR_PAYLOAD_SCHEMAS, INTEGRATOR_SOURCES } from './integrator-payloads.js';

/**
 * 事件载荷 JSON Schema The version of the payload schemas integrators validate against. Within a version a payload
 * may only gain fields (the files are regenerated); removing, renaming or retyping a field, or making one required,
 * is a new version: bump this, regenerate (`npm run event-schemas`), and keep the older folder as it was.
 */
export const EVENT_SCHEMA_VERSION = 'v1';

/** Where the schemas live in the repository, relative to its root. */
export const eventSchemaDir = (version = EVENT_SCHEMA_VERSION) => `docs/events/${version}`;

/** The `$id` of an event type's payload schema: names its version, so two versions never share an id. */
export const eventSchemaId = (type: string, version = EVENT_SCHEMA_VERSION) => `urn:tsp:events:${version}:${type}`;

/**
 * Every payload schema as file name → file text (pretty JSON, trailing newline), generated from the zod contracts
 * integrators receive (INTEGRATOR_PAYLOAD_SCHEMAS). Input mode: no `additionalProperties: false`, so a field added
 * within a version does not fail a receiver's validation.
 */
export function eventJsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [source, types] of Object.entries(INTEGRATOR_SOURCES))
    for (const type of types) {
      const generated = z.toJSONSchema(INTEGRATOR_PAYLOAD_SCHEMAS[type], { target: 'draft-2020-12', io: 'input' });
      const { $schema, ...rest } = generated;
      const schema = {
        $schema,
        $id: eventSchemaId(type),
        title: `${type} payload (${EVENT_SCHEMA_VERSION})`,
        description: `Payload of the ${type} event of ${source}, as integrators receive it (a webhook body's payload)`,
        ...rest,
      };
      files.set(`${type}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
    }
  return files;
}
