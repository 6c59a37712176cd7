import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';
import { config } from '@tsp/shared';

import { verifyConsistency } from './merkle.js';
import { JOURNAL_ORIGIN, signCheckpoint } from './note.js';
import { consistencyProofFor, treeHead } from './store.js';

/** The log contradicts itself (shrank, or changed under a signed head): nothing new is signed. */
export class JournalIntegrityError extends Error {}

export interface SignedCheckpoint {
  origin: string;
  size: number;
  /** hex */
  rootHash: string;
  signedAt: Date;
  /** The whole signed note (C2SP checkpoint format, see note.ts): all a verifier needs besides the key. */
  note: string;
  /** Signed-note key id of the signer, hex. */
  keyId: string;
}

// PKCS8 DER prefix of an Ed25519 private key; followed by the 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** JOURNAL_SIGNING_KEY: PKCS8 PEM, or base64 of PKCS8 DER or of the raw 32-byte seed. */
export function parseSigningKey(text: string): KeyObject {
  const t = text.trim();
  let key: KeyObject;
  if (t.startsWith('-----BEGIN')) key = createPrivateKey(t);
  else {
    const der = Buffer.from(t, 'base64');
    key = createPrivateKey({
      key: der.length === 32 ? Buffer.concat([ED25519_PKCS8_PREFIX, der]) : der,
      format: 'der',
      type: 'pkcs8',
    });
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`JOURNAL_SIGNING_KEY must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

let envKey: { text: string; key: KeyObject } | undefined;

/**
 * The checkpoint signing key: JOURNAL_SIGNING_KEY when set (production must set it, and keep it
 * outside the database its checkpoints protect); otherwise a development key generated once and
 * kept in records.signing_key.
 */
export async function signingKey(em: EntityManager): Promise<KeyObject> {
  const text = config().JOURNAL_SIGNING_KEY;
  if (text) {
    if (envKey?.text !== text) envKey = { text, key: parseSigningKey(text) };
    return envKey.key;
  }
  const read = async () =>
    (await em.execute(`select private_key_pem from records.signing_key where id = 1`))[0]?.private_key_pem as
      string | undefined;
  let pem = await read();
  if (!pem) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    // Two processes may race here: the first insert wins and both use it.
    await em.execute(
      `insert into records.signing_key (id, private_key_pem, public_key_pem) values (1, ?, ?) on conflict (id) do nothing`,
      [
        privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
        publicKey.export({ format: 'pem', type: 'spki' }) as string,
      ],
    );
    pem = await read();
  }
  return createPrivateKey(pem!);
}

export async function publicKey(em: EntityManager): Promise<KeyObject> {
  return createPublicKey(await signingKey(em));
}

/** The checkpoint verification key, SPKI PEM: publish it; verifiers pin it. */
export async function publicKeyPem(em: EntityManager): Promise<string> {
  return (await publicKey(em)).export({ format: 'pem', type: 'spki' }) as string;
}

const toCheckpoint = (r: Record<string, unknown>): SignedCheckpoint => {
  const note = r.note as string;
  const sig = note.slice(note.lastIndexOf('\n\n') + 2).split(' ')[2] ?? '';
  return {
    origin: note.slice(0, note.indexOf('\n')),
    size: Number(r.size),
    rootHash: (r.root_hash as Buffer).toString('hex'),
    signedAt: new Date(r.signed_at as string),
    note,
    keyId: Buffer.from(sig, 'base64').subarray(0, 4).toString('hex'),
  };
};

const COLUMNS = `size, root_hash, signed_at, note`;

export async function latestCheckpoint(em: EntityManager): Promise<SignedCheckpoint | null> {
  const [r] = await em.execute(`select ${COLUMNS} from records.checkpoint order by size desc limit 1`);
  return r ? toCheckpoint(r) : null;
}

/** Stored checkpoints, newest first, below `beforeSize` when given. */
export async function listCheckpoints(
  em: EntityManager,
  o: { beforeSize?: number; first?: number } = {},
): Promise<SignedCheckpoint[]> {
  const rows = await em.execute(`select ${COLUMNS} from records.checkpoint where size < ? order by size desc limit ?`, [
    o.beforeSize ?? Number.MAX_SAFE_INTEGER,
    Math.min(Math.max(o.first ?? 20, 1), 100),
  ]);
  return rows.map(toCheckpoint);
}

/**
 * Signs and keeps the current tree head, unless the newest checkpoint already covers it. Before
 * signing, it proves the new head consistent with the newest checkpoint: the service never signs a
 * log that shrank or whose past changed — that error means tampering and must be investigated.
 *
 * With `size`, signs the head of the first `size` leaves instead (the self-audit signs exactly what
 * it verified), even when a newer checkpoint exists — after proving the two consistent.
 */
export async function createCheckpoint(em: EntityManager, size?: number): Promise<SignedCheckpoint> {
  const head = await treeHead(em, size);
  const latest = await latestCheckpoint(em);
  if (latest) {
    if (latest.size > head.size && size === undefined)
      throw new JournalIntegrityError(
        `the journal shrank: checkpoint signed at size ${latest.size}, ${head.size} leaves now`,
      );
    const [older, newer] = latest.size <= head.size ? [latest, head] : [head, latest];
    const p = await consistencyProofFor(em, older.size, newer.size);
    const ok = verifyConsistency(
      older.size,
      newer.size,
      p.proof.map((h) => Buffer.from(h, 'hex')),
      Buffer.from(older.rootHash, 'hex'),
      Buffer.from(newer.rootHash, 'hex'),
    );
    if (!ok)
      throw new JournalIntegrityError(
        `the journal is not consistent with its checkpoint at size ${latest.size}: earlier leaves were changed or removed`,
      );
    if (latest.size === head.size) return latest;
  }
  const key = await signingKey(em);
  // A signed head must never be seen before it is on disk: even in a transaction that appended (whose COMMIT
  // would not wait, @tsp/shared group-commit.ts), this one's COMMIT waits for the flush.
  if (em.isInTransaction()) await em.execute(`select set_config('synchronous_commit', 'on', true)`);
  const signedAt = new Date();
  const { note, signature } = signCheckpoint(
    { origin: JOURNAL_ORIGIN, size: head.size, rootHash: Buffer.from(head.rootHash, 'hex'), time: signedAt },
    key,
  );
  const [row] = await em.execute(
    `insert into records.checkpoint (size, root_hash, signed_at, signature, note) values (?, ?, ?, ?, ?)
     on conflict (size) do nothing returning ${COLUMNS}`,
    [head.size, Buffer.from(head.rootHash, 'hex'), signedAt, signature, note],
  );
  if (row) return toCheckpoint(row);
  // A concurrent caller signed this size first: same size must mean same root.
  const [other] = await em.execute(`select ${COLUMNS} from records.checkpoint where size = ?`, [head.size]);
  const existing = toCheckpoint(other);
  if (existing.rootHash !== head.rootHash) throw new JournalIntegrityError(`two different heads for size ${head.size}`);
  return existing;
}
