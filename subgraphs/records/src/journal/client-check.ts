import { createPublicKey, type KeyObject } from 'node:crypto';

import { hashLeaf, verifyConsistency, verifyInclusion } from './merkle.js';
import { type ParsedNote, verifyCheckpointNote } from './note.js';

/**
 * What a verifier holds after asking the log (or reading an export): the log's answers, unchecked.
 * The check below trusts none of it; only the pinned key and the client's own old checkpoint.
 */
export interface JournalBundle {
  format: 'tsp.records.journal.bundle/v1';
  server?: string;
  publicKey: string;
  checkpoint: { size: number; rootHash: string; note: string };
  consistency: { fromSize: number; toSize: number; proof: string[] } | null;
  inclusions: {
    entryId: string;
    leafIndex: number;
    treeSize: number;
    leafHash: string;
    proof: string[];
    leafData: string | null;
  }[];
}

export interface CheckResult {
  ok: boolean;
  /** Readable report, one finding per line: "✔" passed, "✘" failed, "!" warning. */
  lines: string[];
}

/**
 * Accepts a saved checkpoint (`{note}`), a bundle (`{checkpoint: {note}}`) or a bare note. Line ends
 * are made LF and trailing blank lines cut to the note's one final newline (an editor or `echo` adds
 * them; the signature covers only the body, which this leaves as it was signed).
 */
export function checkpointNoteFrom(text: string): string {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  let note = t;
  if (t.startsWith('{')) {
    const j = JSON.parse(t) as { note?: string; checkpoint?: { note?: string } };
    const found = j.note ?? j.checkpoint?.note;
    if (!found) throw new Error('the checkpoint file has no "note" (nor "checkpoint.note")');
    note = found;
  }
  return `${note.replace(/\r\n?/g, '\n').trimEnd()}\n`;
}

const unhex = (s: string) => Buffer.from(s, 'hex');

export function checkJournal(o: { bundle: JournalBundle; oldCheckpoint?: string; pinnedKeyPem?: string }): CheckResult {
  const lines: string[] = [];
  let ok = true;
  const pass = (s: string) => lines.push(`✔ ${s}`);
  const fail = (s: string) => {
    ok = false;
    lines.push(`✘ ${s}`);
  };
  const { bundle } = o;

  let key: KeyObject;
  try {
    key = createPublicKey(o.pinnedKeyPem ?? bundle.publicKey);
  } catch (e) {
    fail(`public key unreadable: ${(e as Error).message}`);
    return { ok, lines };
  }
  if (!o.pinnedKeyPem)
    lines.push('! the public key was taken from the server: pin it with --public-key to trust nothing the server says');
  else if (
    bundle.publicKey &&
    createPublicKey(bundle.publicKey).export({ format: 'pem', type: 'spki' }) !==
      key.export({ format: 'pem', type: 'spki' })
  )
    lines.push('! the server publishes a different public key than the pinned one');

  let now: ParsedNote;
  try {
    now = verifyCheckpointNote(bundle.checkpoint.note, key);
    pass(
      `current checkpoint signature verifies: size ${now.size}, root ${now.rootHash.toString('hex')}, signed ${now.time.toISOString()}`,
    );
  } catch (e) {
    fail(`current checkpoint: ${(e as Error).message}`);
    return { ok, lines };
  }
  if (bundle.checkpoint.size !== now.size || bundle.checkpoint.rootHash !== now.rootHash.toString('hex'))
    fail('the server’s checkpoint fields contradict its signed note (the note is what counts)');

  if (o.oldCheckpoint) {
    let old: ParsedNote | null = null;
    try {
      old = verifyCheckpointNote(o.oldCheckpoint, key);
      pass(`old checkpoint signature verifies: size ${old.size}, root ${old.rootHash.toString('hex')}`);
    } catch (e) {
      fail(`old checkpoint: ${(e as Error).message}`);
    }
    if (old) {
      const c = bundle.consistency;
      if (old.size > now.size)
        fail(`the log shrank: the old checkpoint has ${old.size} entries, the current one ${now.size}`);
      else if (!c || c.fromSize !== old.size || c.toSize !== now.size)
        fail(`no consistency proof from size ${old.size} to ${now.size} was given`);
      else if (verifyConsistency(old.size, now.size, c.proof.map(unhex), old.rootHash, now.rootHash))
        pass(
          `consistency ${old.size} → ${now.size}: every entry of the old checkpoint is still there, unchanged and in order`,
        );
      else
        fail(
          `consistency ${old.size} → ${now.size} FAILS: entries covered by the old checkpoint were changed, removed or reordered`,
        );
    }
  } else lines.push('! no old checkpoint given (--checkpoint): nothing to compare the log’s history with');

  for (const inc of bundle.inclusions) {
    const what = `entry ${inc.entryId} (leaf ${inc.leafIndex})`;
    const leafHash = unhex(inc.leafHash);
    if (inc.leafData !== null) {
      const computed = hashLeaf(Buffer.from(inc.leafData, 'utf8'));
      if (!computed.equals(leafHash)) {
        fail(`${what}: its content does not hash to the leaf the server names`);
        continue;
      }
      let fields: Record<string, unknown> = {};
      try {
        fields = JSON.parse(inc.leafData) as Record<string, unknown>;
      } catch {
        /* the hash is what is proven; fields are only shown */
      }
      if (fields.id !== undefined && fields.id !== inc.entryId)
        fail(`${what}: the leaf is of entry ${String(fields.id)}, not the one asked for`);
      else
        lines.push(
          `  ${what}: case ${String(fields.caseId ?? '?')}, #${String(fields.sequence ?? '?')} ${String(fields.activity ?? '')} recorded ${String(fields.recordedAt ?? '?')}`,
        );
    } else lines.push(`! ${what}: no content given (not readable with this token); proving the leaf hash only`);
    if (inc.treeSize !== now.size) fail(`${what}: proof is for size ${inc.treeSize}, not the checkpoint’s ${now.size}`);
    else if (verifyInclusion(inc.leafIndex, now.size, leafHash, inc.proof.map(unhex), now.rootHash))
      pass(`${what} is included in the signed checkpoint`);
    else fail(`${what} is NOT included in the signed checkpoint`);
  }
  return { ok, lines };
}
