import type { Context, SchemaDefinition } from '@tsp/shared';
import { AgencyCasesResolver, CaseResolver, readableCase } from './case.resolver.js';

export const schema: SchemaDefinition = {
  resolvers: [CaseResolver, AgencyCasesResolver],
  references: {
    Agency: (ref: { id: string }) => ({ id: ref.id }),
    EnforcementCase: (ref: { id: string }, ctx: Context) => readableCase(ctx, ref.id),
  },
};
