// Writes src/graphql/schema.graphql: the public API schema of gateway/supergraph.graphql (what the gateway serves:
// no @inaccessible internals, no join__ directives). gql.tada types every document of the web app against it, so a
// schema change that breaks a page breaks `npm run build -w web`, not the page in a citizen's hands.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, printSchema } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
const supergraph = fs.readFileSync(path.join(here, '../../gateway/supergraph.graphql'), 'utf8');
const api = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
const out = path.join(here, '../src/graphql/schema.graphql');
const text = printSchema(lexicographicSortSchema(api));
if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== text) fs.writeFileSync(out, text);
