import { createHash, randomBytes } from 'node:crypto';

/**
 * 随机抽取 The bureau draws the case files to evaluate at random, and must be able to show the draw was not chosen:
 * a random 128-bit seed is stored on the plan, and the sample is a pure function of that seed and the sorted
 * candidate case ids of each agency. Anyone holding the seed and the candidates recomputes the same sample.
 *
 * The generator is SHA-256 in counter mode: block k of an agency's stream is SHA-256(seed ‖ agencyId ‖ k), read as
 * eight 32-bit words. Indices are drawn without modulo bias (rejection sampling) and shuffled by a partial
 * Fisher–Yates, so every subset of the agency's candidates of the plan's size is equally likely.
 */
export function newSeed(): string {
  return randomBytes(16).toString('hex');
}

export const SEED_PATTERN = /^[0-9a-f]{32}$/;

/** A deterministic stream of 32-bit words for one agency. */
function stream(seed: string, agencyId: string): () => number {
  let counter = 0;
  let words: number[] = [];
  return () => {
    if (!words.length) {
      const block = createHash('sha256').update(`${seed}|${agencyId}|${counter++}`, 'utf8').digest();
      words = Array.from({ length: 8 }, (_, i) => block.readUInt32BE(i * 4));
    }
    return words.shift()!;
  };
}

/** An integer uniform in [0, n) (n ≤ 2^32), rejecting the words that would bias the modulo. */
function below(next: () => number, n: number): number {
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (;;) {
    const w = next();
    if (w < limit) return w % n;
  }
}

/**
 * The sample: for each agency (in id order), up to `perAgency` of its candidate case ids, in draw order. The
 * candidates are sorted first, so the order records answered in does not matter.
 */
export function sampleCases(
  seed: string,
  candidates: Readonly<Record<string, readonly string[]>>,
  perAgency: number,
): Record<string, string[]> {
  if (!SEED_PATTERN.test(seed)) throw new Error('a seed is 32 hex digits');
  const out: Record<string, string[]> = {};
  for (const agencyId of Object.keys(candidates).sort()) {
    const ids = [...new Set(candidates[agencyId])].sort();
    const next = stream(seed, agencyId);
    const take = Math.min(perAgency, ids.length);
    for (let i = 0; i < take; i++) {
      const j = i + below(next, ids.length - i);
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    out[agencyId] = ids.slice(0, take);
  }
  return out;
}

/** Candidates grouped by agency, each agency's ids sorted: the form stored on the plan and fed to sampleCases. */
export function groupCandidates(rows: readonly { id: string; agencyId: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.agencyId] ??= []).push(r.id);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}
