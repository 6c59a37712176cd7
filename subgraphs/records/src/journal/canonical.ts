/**
 * Canonical JSON: one byte string per value, so an entry re-read from the database hashes to the
 * same leaf it was journaled as. Keys sorted recursively (UTF-16 code-unit order, as JS sorts), no
 * whitespace, arrays in order, `undefined` properties dropped, Dates as ISO-8601 UTC strings,
 * numbers in JSON's shortest form (finite only), UTF-8 bytes.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function write(v: unknown, at: string): string {
  if (v === null) return 'null';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new TypeError(`${at}: invalid Date`);
    return JSON.stringify(v.toISOString());
  }
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`${at}: ${v} has no JSON form`);
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v))
        return `[${v.map((x, i) => (x === undefined ? 'null' : write(x, `${at}[${i}]`))).join(',')}]`;
      // Bytes, maps and sets have no single obvious JSON form: the caller must choose one (e.g. hex).
      if (ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set)
        throw new TypeError(`${at}: convert ${v.constructor.name} to plain JSON first`);
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(o[k], `${at}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`${at}: a ${typeof v} has no JSON form`);
  }
}

/** An attachment as the journal commits to it: its content by hash, never its bytes. */
export interface JournalAttachmentInput {
  /** SHA-256 of the content, lowercase hex. */
  sha256: string;
  /** TEXT_DOCUMENT | AUDIO | VIDEO | PHOTO | ELECTRONIC_DATA */
  kind: string;
  /** Bytes. */
  size: number;
  mediaType: string;
  name: string;
  /** Whether it covers the whole process (全过程). */
  fullProcess: boolean;
  [field: string]: unknown;
}

/**
 * What a journal leaf says about a record entry (记录条目). The records subgraph builds it from the
 * stored row; any JSON-able field may be added, but once entries are journaled the builder must keep
 * producing the same bytes for them (add new fields only for new entries, or version the record).
 * Give arrays in their stored order (officers as recorded, attachments by position).
 */
export interface JournalEntryInput {
  id: string;
  caseId: string;
  agencyId: string;
  /** Position of the entry within its case (1, 2, …). */
  sequence: number;
  stage: string;
  activity: string;
  occurredAt: Date | string;
  recordedAt: Date | string;
  officerIds: string[];
  summary: string;
  /** The entry this one corrects, or null. */
  correctsId: string | null;
  attachments: JournalAttachmentInput[];
  [field: string]: unknown;
}

/** Domain tag inside every entry leaf, so a leaf can never be read as some other kind of record. */
export const ENTRY_LEAF_TYPE = 'tsp.records.RecordEntry/v1';

/** The leaf data of a record entry: canonical JSON of its fields and attachment hashes, tagged with its kind. */
export function canonicalEntryBytes(entry: JournalEntryInput): Buffer {
  return canonicalBytes({ ...entry, '@type': ENTRY_LEAF_TYPE });
}
