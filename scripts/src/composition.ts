import { composeServices } from '@apollo/composition';
import { buildFederatedSchema, SUBGRAPHS, subgraphUrl } from '@tsp/shared';
import { parse } from 'graphql';

import { loadService } from './services.js';

export interface Composed {
  supergraphSdl: string;
  hints: string[];
}

/** Composes the supergraph from the subgraphs' own SDL (no running server needed). */
export async function composeSupergraph(): Promise<Composed> {
  const subgraphs = [];
  for (const name of SUBGRAPHS) {
    const { sdl } = await buildFederatedSchema((await loadService(name)).schema);
    subgraphs.push({ name, url: subgraphUrl(name), typeDefs: parse(sdl) });
  }
  const result = composeServices(subgraphs);
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}
