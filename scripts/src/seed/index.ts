import { createHash } from 'node:crypto';
import { Role, signDevToken, type TokenClaims } from '@tsp/shared';
import { seedPersonnel } from './personnel.js';
import { seedReviews } from './reviews.js';
import { seedDisclosure } from './disclosure.js';
import { seedCases } from './cases.js';
import { seedLegacyDecisions } from './findings.js';

export type Gql = (query: string, variables?: object) => Promise<any>;
export type GqlAs = (claims: TokenClaims, query: string, variables?: object) => Promise<any>;

/** A GraphQL caller against the gateway that throws on any error, so a broken seed stops loudly. */
export function gqlClient(url: string): GqlAs {
  return async (claims, query, variables = {}) => {
    const token = await signDevToken(claims, '1h');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new Error(`seed request failed: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}\n${query.slice(0, 200)}`);
    return body.data;
  };
}

/** Uploads a file as the caller (PUT /blobs/<sha256> on the gateway) and returns what an attachment declares. */
export type SeedUpload = (claims: TokenClaims, content: string, mediaType: string) => Promise<{ sha256: string; size: number; mediaType: string }>;

/** Attachments must be uploaded by the citing agency before they are cited (issue 12), so the seed uploads them too. */
export function blobUploader(gatewayUrl: string): SeedUpload {
  const base = gatewayUrl.replace(/\/graphql$/, '');
  return async (claims, content, mediaType) => {
    const bytes = Buffer.from(content);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const token = await signDevToken(claims, '1h');
    const res = await fetch(`${base}/blobs/${sha256}`, { method: 'PUT', body: bytes, headers: { authorization: `Bearer ${token}`, 'content-type': mediaType } });
    if (res.status !== 200 && res.status !== 201) throw new Error(`seed upload failed: ${res.status} ${await res.text()}`);
    return { sha256, size: bytes.length, mediaType };
  };
}

/**
 * Demo data for 宁晋县, written through the public API (so every rule applies to it, as to real
 * data). Runs once, on an empty database.
 */
export async function seedDemo(gatewayUrl: string, progress: (msg: string) => void = () => {}): Promise<void> {
  const as = gqlClient(gatewayUrl);
  const upload = blobUploader(gatewayUrl);
  const admin: Gql = (q, v) => as({ role: Role.ADMIN, sub: 'seed-admin' }, q, v);
  progress('personnel: agencies, officers, credentials, training');
  const personnel = await seedPersonnel(admin);
  progress('records: cases at every stage, one imported legacy case with findings');
  await seedCases(as, personnel, upload);
  progress('review: catalogues, reviews passed, returned, failed, in coordination, overdue');
  await seedReviews(as, personnel, upload);
  progress('disclosure: enforcement items, random inspections, service guides, body information');
  await seedDisclosure(as, personnel.agencies);
  progress('legacy decisions: one major without review, one revoked but still published');
  await seedLegacyDecisions(as, personnel);
}
