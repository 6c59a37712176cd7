import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

import { HASH_SIZE } from './merkle.js';

/**
 * Checkpoints as C2SP signed notes (https://c2sp.org/tlog-checkpoint, https://c2sp.org/signed-note),
 * the format of Go's sumdb, Trillian/Tessera logs and their witnesses:
 *
 *   <origin>\n<tree size>\n<base64 root hash>\ntime <ISO-8601 UTC>\n
 *   \n
 *   — <key name> <base64(4-byte key id ‖ 64-byte Ed25519 signature)>\n
 *
 * The signature covers the body (the four lines, final newline included). Pure: no database, so the
 * standalone verifier uses it as it is.
 */

export const JOURNAL_ORIGIN = 'tsp.records.journal/v1';
const ED25519_ALG = 0x01;
const SIG_PREFIX = '\u2014 ';

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  time: Date;
}

export interface ParsedNote extends Checkpoint {
  /** The signed text. */
  body: string;
  signatures: { name: string; keyId: Buffer; signature: Buffer }[];
}

function rawPublicKey(pub: KeyObject): Buffer {
  const jwk = pub.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new TypeError('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

/** Signed-note key id: the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
export function keyId(name: string, pub: KeyObject): Buffer {
  return createHash('sha256')
    .update(Buffer.from(`${name}\n`, 'utf8'))
    .update(Buffer.from([ED25519_ALG]))
    .update(rawPublicKey(pub))
    .digest()
    .subarray(0, 4);
}

/** The public key as a signed-note verifier key: `<name>+<hex key id>+<base64(0x01 ‖ key)>`. */
export function verifierKey(name: string, pub: KeyObject): string {
  return `${name}+${keyId(name, pub).toString('hex')}+${Buffer.concat([Buffer.from([ED25519_ALG]), rawPublicKey(pub)]).toString('base64')}`;
}

export function checkpointBody(c: Checkpoint): string {
  if (c.origin.includes('\n') || !c.origin) throw new TypeError('origin must be one non-empty line');
  return `${c.origin}\n${c.size}\n${c.rootHash.toString('base64')}\ntime ${c.time.toISOString()}\n`;
}

/** Signs a checkpoint with an Ed25519 private key; returns the whole note. */
export function signCheckpoint(c: Checkpoint, privateKey: KeyObject): { note: string; signature: Buffer } {
  const body = checkpointBody(c);
  const signature = sign(null, Buffer.from(body, 'utf8'), privateKey);
  const pub = createPublicKey(privateKey);
  const line = `${SIG_PREFIX}${c.origin} ${Buffer.concat([keyId(c.origin, pub), signature]).toString('base64')}\n`;
  return { note: `${body}\n${line}`, signature };
}

/** Parses a note without checking any signature. Throws with the reason when malformed. */
export function parseCheckpointNote(note: string): ParsedNote {
  const sep = note.lastIndexOf('\n\n');
  if (sep < 0) throw new Error('not a signed note: no blank line before the signatures');
  const body = note.slice(0, sep + 1);
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 4) throw new Error('checkpoint body needs origin, size, root hash and time lines');
  const [origin, sizeText, rootText, ...ext] = lines;
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText)))
    throw new Error(`bad tree size "${sizeText}"`);
  const rootHash = Buffer.from(rootText, 'base64');
  if (rootHash.length !== HASH_SIZE || rootHash.toString('base64') !== rootText)
    throw new Error('root hash is not 32 bytes of base64');
  const timeLine = ext.find((l) => l.startsWith('time '));
  const time = new Date(timeLine?.slice(5) ?? '');
  if (Number.isNaN(time.getTime())) throw new Error('missing or bad "time" line');
  const signatures: ParsedNote['signatures'] = [];
  for (const l of note
    .slice(sep + 2)
    .split('\n')
    .filter(Boolean)) {
    if (!l.startsWith(SIG_PREFIX)) throw new Error(`bad signature line "${l}"`);
    const [name, b64] = l.slice(SIG_PREFIX.length).split(' ');
    const raw = Buffer.from(b64 ?? '', 'base64');
    if (!name || raw.length < 5) throw new Error(`bad signature line "${l}"`);
    signatures.push({ name, keyId: raw.subarray(0, 4), signature: raw.subarray(4) });
  }
  if (!signatures.length) throw new Error('the note carries no signature');
  return { origin, size: Number(sizeText), rootHash, time, body, signatures };
}

/**
 * Parses and checks a checkpoint note against a public key: a signature line by the origin's name
 * with this key's id must verify over the body. Throws with the reason otherwise.
 */
export function verifyCheckpointNote(note: string, publicKey: KeyObject): ParsedNote {
  const parsed = parseCheckpointNote(note);
  const id = keyId(parsed.origin, publicKey);
  const mine = parsed.signatures.filter((s) => s.name === parsed.origin && s.keyId.equals(id));
  if (!mine.length)
    throw new Error(
      `no signature by key ${parsed.origin}+${id.toString('hex')} (signed by ${parsed.signatures.map((s) => `${s.name}+${s.keyId.toString('hex')}`).join(', ')})`,
    );
  if (!mine.some((s) => verify(null, Buffer.from(parsed.body, 'utf8'), publicKey, s.signature)))
    throw new Error('the signature does not verify: the note was altered or signed by another key');
  return parsed;
}
