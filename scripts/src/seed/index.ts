import { createHash } from 'node:crypto';

import { Role, shanghaiDate, signDevToken, type TokenClaims } from '@tsp/shared';

import { seedCases, type SeededCases } from './cases.js';
import { seedChallenges } from './challenges.js';
import { seedComplaints } from './complaints.js';
import { seedDisclosure } from './disclosure.js';
import { seedEvaluation } from './evaluation.js';
import { seedLegacyDecisions } from './findings.js';
import { seedInspections } from './inspections.js';
import { seedInstruments } from './instruments.js';
import { seedPersonnel } from './personnel.js';
import { seedReviews } from './reviews.js';

/** `claims` null: a public call, without a token (the enterprise rating a visit). */
export type GqlAs = (claims: TokenClaims | null, query: string, variables?: object) => Promise<any>;

/**
 * A GraphQL caller against the gateway that throws on any error, so a broken seed stops loudly. With
 * `keyPrefix`, each mutation carries the Idempotency-Key `<prefix>:<n>` (n counts this client's
 * mutations): run again in the same order, the calls that already took effect answer as before.
 */
export function gqlClient(url: string, keyPrefix?: string): GqlAs {
  let n = 0;
  return async (claims, query, variables = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (claims) headers.authorization = `Bearer ${await signDevToken(claims, '1h')}`;
    if (keyPrefix && /^\s*mutation\b/.test(query)) headers['idempotency-key'] = `${keyPrefix}:${++n}`;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length)
      throw new Error(
        `seed request failed: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}\n${query.slice(0, 200)}`,
      );
    return body.data;
  };
}

/** Uploads a file as the caller (PUT /blobs/<sha256> on the gateway) and returns what an attachment declares. */
export type SeedUpload = (
  claims: TokenClaims,
  content: string,
  mediaType: string,
) => Promise<{ sha256: string; size: number; mediaType: string }>;

/** Attachments must be uploaded by the citing agency before they are cited, so the seed uploads them too. */
export function blobUploader(gatewayUrl: string): SeedUpload {
  const base = gatewayUrl.replace(/\/graphql$/, '');
  return async (claims, content, mediaType) => {
    const bytes = Buffer.from(content);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const token = await signDevToken(claims, '1h');
    const res = await fetch(`${base}/blobs/${sha256}`, {
      method: 'PUT',
      body: bytes,
      headers: { authorization: `Bearer ${token}`, 'content-type': mediaType },
    });
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`seed upload failed: ${res.status} ${await res.text()}`);
    return { sha256, size: bytes.length, mediaType };
  };
}

/**
 * Where seedDemo keeps its progress (the launcher's is in the database: launcher/seed-store.ts).
 * `begin` records the day of the first attempt and answers it on every later one.
 */
export interface SeedStore {
  begin(today: string): Promise<string>;
  result<T>(step: string): Promise<T | undefined>;
  finish(step: string, result: unknown): Promise<void>;
  complete(): Promise<void>;
}

/** Progress kept in memory: one uninterrupted run (tests). */
export function memorySeedStore(): SeedStore {
  const steps = new Map<string, unknown>();
  let day: string | undefined;
  return {
    begin: async (today) => (day ??= today),
    result: async <T>(step: string) => steps.get(step) as T | undefined,
    finish: async (step, result) => void steps.set(step, result ?? null),
    complete: async () => undefined,
  };
}

/**
 * Demo data for 宁晋县, written through the public API (so every rule applies to it, as to real
 * data). Resumable: a finished step is skipped (its result comes from the store), a step cut short
 * runs again with the same Idempotency-Keys and arguments (dates from the first attempt's day), so
 * its writes that took effect replay and the rest are made — an interrupted first start completes.
 */
export async function seedDemo(
  gatewayUrl: string,
  progress: (msg: string) => void = () => {},
  durable?: SeedStore,
): Promise<void> {
  const store = durable ?? memorySeedStore();
  const upload = blobUploader(gatewayUrl);
  const today = await store.begin(shanghaiDate());
  const step = async <T>(name: string, what: string, run: (as: GqlAs) => Promise<T>): Promise<T> => {
    const done = await store.result<T>(name);
    if (done !== undefined) {
      progress(`${name}: done before`);
      return done;
    }
    progress(`${name}: ${what}`);
    // Keys only when the progress outlives this run: without them a write costs no key lookup.
    const result = await run(gqlClient(gatewayUrl, durable ? `demo-seed:${name}` : undefined));
    await store.finish(name, result);
    return result;
  };
  const personnel = await step('personnel', 'agencies, officers, credentials, training', (as) =>
    seedPersonnel((q, v) => as({ role: Role.ADMIN, sub: 'seed-admin' }, q, v), today),
  );
  // Before the cases: their penalty decisions name the benchmarks published with the items.
  const disclosure = await step(
    'disclosure',
    'enforcement items and discretion benchmarks, random inspections, service guides, body information',
    (as) => seedDisclosure(as, personnel.agencies),
  );
  const cases: SeededCases = await step(
    'records',
    'cases at every stage (notice, defence, a hearing pending), one legacy case with findings',
    (as) => seedCases(as, personnel, upload, today, disclosure.benchmarks),
  );
  await step('review', 'catalogues, reviews passed, returned, failed, in coordination, overdue', (as) =>
    seedReviews(as, personnel, upload, today),
  );
  await step('legacy decisions', 'one major without review, one revoked but still published', (as) =>
    seedLegacyDecisions(as, personnel, today),
  );
  await step('inspections', 'enterprises, inspection lists and plans, visits over the caps, not joined, rated', (as) =>
    seedInspections(as, personnel, upload, today),
  );
  // The justice bureau's own instruments come last, so every earlier step keeps its result and keys.
  await step('complaints', 'public complaints: closed as founded, reopened, rejected; one anonymous', (as) =>
    seedComplaints(as, personnel, today),
  );
  await step('decision challenges', 'a reconsideration upheld, a lawsuit pending, a legacy decision revoked', (as) =>
    seedChallenges(as, personnel, cases, today),
  );
  await step('case-file evaluation', "this year's evaluation: 优秀, 合格, 不合格 on a veto, one unscored", (as) =>
    seedEvaluation(as, personnel, today),
  );
  await step('supervision instruments', 'an opinion responded and closed, a decision open, a public notice', (as) =>
    seedInstruments(as, personnel),
  );
  await store.complete();
}
