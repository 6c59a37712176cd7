import { createPublicKey, generateKeyPairSync } from 'node:crypto';

import { canonicalBytes, canonicalEntryBytes, canonicalJson, type JournalEntryInput } from '../src/journal/canonical';
import { parseSigningKey } from '../src/journal/checkpoint';
import { hashLeaf } from '../src/journal/merkle';
import { parseCheckpointNote, signCheckpoint, verifierKey, verifyCheckpointNote } from '../src/journal/note';

const entry = (): JournalEntryInput => ({
  id: '6f1c1b1e-0000-4000-8000-000000000001',
  caseId: '6f1c1b1e-0000-4000-8000-0000000000ca',
  agencyId: '6f1c1b1e-0000-4000-8000-0000000000a1',
  sequence: 3,
  stage: 'INVESTIGATION',
  activity: 'ON_SITE_INSPECTION',
  occurredAt: new Date('2025-03-01T02:00:00Z'),
  recordedAt: new Date('2025-03-01T02:30:00.250Z'),
  officerIds: ['b', 'a'],
  summary: '现场检查，发现无证经营',
  correctsId: null,
  attachments: [
    {
      sha256: 'ab'.repeat(32),
      kind: 'VIDEO',
      size: 1024,
      mediaType: 'video/mp4',
      name: '执法记录仪.mp4',
      fullProcess: true,
    },
  ],
});

describe('canonical JSON', () => {
  it('sorts keys recursively, keeps array order, drops undefined, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[3,1,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
  });

  it('writes Dates as ISO-8601 UTC and text as UTF-8', () => {
    expect(canonicalJson({ t: new Date('2025-01-02T03:04:05+08:00') })).toBe('{"t":"2025-01-01T19:04:05.000Z"}');
    expect(canonicalBytes({ s: '执法' }).toString('hex')).toBe(Buffer.from('{"s":"执法"}', 'utf8').toString('hex'));
  });

  it('refuses values without one JSON form', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow('$.n');
    expect(() => canonicalJson({ n: Infinity })).toThrow();
    expect(() => canonicalJson({ b: Buffer.from('x') })).toThrow('Buffer');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
    expect(() => canonicalJson({ d: new Date('nope') })).toThrow('invalid Date');
    expect(() => canonicalJson({ n: 10n })).toThrow('bigint');
  });

  it('gives the same bytes for the same entry whatever the key order, and different bytes for any change', () => {
    const a = entry();
    const reordered = Object.fromEntries(Object.entries(entry()).reverse()) as JournalEntryInput;
    expect(canonicalEntryBytes(reordered)).toEqual(canonicalEntryBytes(a));
    expect(canonicalEntryBytes({ ...a, occurredAt: '2025-03-01T02:00:00.000Z' })).toEqual(canonicalEntryBytes(a));
    const otherAttachment = entry();
    otherAttachment.attachments[0].sha256 = 'cd'.repeat(32);
    expect(hashLeaf(canonicalEntryBytes(otherAttachment))).not.toEqual(hashLeaf(canonicalEntryBytes(a)));
    expect(canonicalEntryBytes({ ...a, summary: a.summary + ' ' })).not.toEqual(canonicalEntryBytes(a));
    expect(canonicalEntryBytes(a).toString()).toContain('"@type":"tsp.records.RecordEntry/v1"');
  });
});

describe('signed checkpoint notes', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const cp = {
    origin: 'tsp.records.journal/v1',
    size: 1234,
    rootHash: Buffer.alloc(32, 7),
    time: new Date('2025-05-01T00:00:00Z'),
  };

  it('signs in the C2SP checkpoint layout and verifies with the public key', () => {
    const { note } = signCheckpoint(cp, privateKey);
    expect(note.split('\n').slice(0, 4)).toEqual([
      'tsp.records.journal/v1',
      '1234',
      Buffer.alloc(32, 7).toString('base64'),
      'time 2025-05-01T00:00:00.000Z',
    ]);
    expect(note).toMatch(/\n\n\u2014 tsp\.records\.journal\/v1 [A-Za-z0-9+/=]+\n$/);
    const parsed = verifyCheckpointNote(note, publicKey);
    expect(parsed.size).toBe(1234);
    expect(parsed.rootHash).toEqual(cp.rootHash);
    expect(verifierKey(cp.origin, publicKey)).toMatch(/^tsp\.records\.journal\/v1\+[0-9a-f]{8}\+/);
  });

  it('refuses an altered note, another key, and malformed notes', () => {
    const { note } = signCheckpoint(cp, privateKey);
    expect(() => verifyCheckpointNote(note.replace('\n1234\n', '\n1233\n'), publicKey)).toThrow('does not verify');
    expect(() => verifyCheckpointNote(note, generateKeyPairSync('ed25519').publicKey)).toThrow('no signature by key');
    expect(() => parseCheckpointNote('tsp\n12\n')).toThrow('blank line');
    expect(() => parseCheckpointNote(note.replace('\n1234\n', '\n01234\n'))).toThrow('bad tree size');
  });

  it('reads JOURNAL_SIGNING_KEY as PEM, base64 PKCS8 or a base64 raw seed, and refuses other key types', () => {
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const seed = der.subarray(der.length - 32);
    const pub = (k: ReturnType<typeof parseSigningKey>) => createPublicKey(k).export({ format: 'der', type: 'spki' });
    const want = publicKey.export({ format: 'der', type: 'spki' });
    expect(pub(parseSigningKey(pem))).toEqual(want);
    expect(pub(parseSigningKey(der.toString('base64')))).toEqual(want);
    expect(pub(parseSigningKey(seed.toString('base64')))).toEqual(want);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    }) as string;
    expect(() => parseSigningKey(ec)).toThrow('must be an Ed25519 key');
  });
});
