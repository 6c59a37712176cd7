import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { eventJsonSchemaFiles, eventSchemaDir } from '@tsp/shared';

/**
 * `npm run event-schemas`: writes the JSON Schema of every integrator payload into docs/events/<version>/ from the
 * zod contracts in shared (shared/src/events/json-schemas.ts), removing files of types that no longer exist in this
 * version. test/shared/event-schemas.test.ts fails while the checked-in files differ from what this writes.
 */
const root = path.resolve(__dirname, '..', '..');
const dir = path.join(root, eventSchemaDir());
mkdirSync(dir, { recursive: true });
const files = eventJsonSchemaFiles();
for (const name of readdirSync(dir)) if (!files.has(name)) rmSync(path.join(dir, name));
for (const [name, text] of files) writeFileSync(path.join(dir, name), text);
console.log(`wrote ${files.size} schemas to ${path.relative(root, dir)}`);
