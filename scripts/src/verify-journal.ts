import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

// The pure verifier only: no database, no service code, nothing that trusts the server.
import {
  checkJournal,
  checkpointNoteFrom,
  type JournalBundle,
  parseCheckpointNote,
} from '@tsp/records/dist/journal/verifier.js';
import { loadConfigOrExit } from '@tsp/shared';

const USAGE = `verify-journal: checks the records journal (执法全过程记录日志) without trusting the server.

  npm run verify-journal -- --server URL [--checkpoint old.json] [--entry ID --token JWT]... [--public-key key.pem] [--save new.json]
  npm run verify-journal -- --export bundle.json [--checkpoint old.json] [--public-key key.pem]

  --server URL        GraphQL URL of the gateway (or the records subgraph)
  --checkpoint FILE   a checkpoint you kept earlier (saved JSON, bundle or note): the log must extend it
  --entry ID          a record entry that must be in the latest signed checkpoint (repeatable; needs --token:
                      inclusion proofs are for those who may read the entry's case)
  --public-key FILE   the journal's published public key (PEM); without it the server's key is used
  --save-key FILE     write the server's public key (PEM) to pin it in later runs (trust on first use)
  --token JWT         bearer token (or env JOURNAL_TOKEN), required with --entry
  --header 'K: V'     extra HTTP header (repeatable), e.g. for a proxy in front of the gateway
  --save FILE         write what the server answered (a bundle, usable as the next --checkpoint or --export)
  --export FILE       offline: check a saved bundle instead of asking a server
Exit status: 0 when everything checks out, 1 when anything does not, 2 on usage errors.`;

const CHECKPOINT_FIELDS = 'origin size rootHash signedAt note keyId';

interface Server {
  url: string;
  headers: Record<string, string>;
}

async function ask<T>(server: Server, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...server.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }))) as {
    data?: T;
    errors?: { message: string }[];
  };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

async function fetchBundle(server: Server, oldSize: number | null, entries: string[]): Promise<JournalBundle> {
  const head = await ask<{ journalCheckpoint: JournalBundle['checkpoint']; journalPublicKey: string }>(
    server,
    `{ journalCheckpoint { ${CHECKPOINT_FIELDS} } journalPublicKey }`,
  );
  // Proofs are asked for the size the signed note states, whatever the JSON fields say.
  const size = parseCheckpointNote(head.journalCheckpoint.note).size;
  let consistency: JournalBundle['consistency'] = null;
  if (oldSize !== null && oldSize <= size) {
    consistency = (
      await ask<{ journalConsistencyProof: NonNullable<JournalBundle['consistency']> }>(
        server,
        `query($from: Int!, $to: Int!) { journalConsistencyProof(from: $from, to: $to) { fromSize toSize fromRoot toRoot proof } }`,
        { from: oldSize, to: size },
      )
    ).journalConsistencyProof;
  }
  const inclusions: JournalBundle['inclusions'] = [];
  for (const entryId of entries) {
    inclusions.push(
      (
        await ask<{ journalInclusionProof: JournalBundle['inclusions'][number] }>(
          server,
          `query($id: ID!, $size: Int) { journalInclusionProof(entryId: $id, treeSize: $size) { entryId leafIndex treeSize leafHash rootHash proof leafData } }`,
          { id: entryId, size },
        )
      ).journalInclusionProof,
    );
  }
  return {
    format: 'tsp.records.journal.bundle/v1',
    server: server.url,
    publicKey: head.journalPublicKey,
    checkpoint: head.journalCheckpoint,
    consistency,
    inclusions,
  };
}

function server(url: string, token: string | undefined, headers: string[]): Server {
  const h: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  for (const line of headers) {
    const at = line.indexOf(':');
    if (at < 1) throw new Error(`--header needs "Name: value", got "${line}"`);
    h[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { url, headers: h };
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        server: { type: 'string' },
        checkpoint: { type: 'string' },
        entry: { type: 'string', multiple: true },
        'public-key': { type: 'string' },
        'save-key': { type: 'string' },
        token: { type: 'string' },
        header: { type: 'string', multiple: true },
        save: { type: 'string' },
        export: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help || (!values.server && !values.export) || (values.server && values.export)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const token = values.token ?? loadConfigOrExit().JOURNAL_TOKEN;
  if (values.entry?.length && values.server && !token) {
    console.error(
      `--entry needs --token (or env JOURNAL_TOKEN): inclusion proofs are given to those who may read the entry's case\n\n${USAGE}`,
    );
    return 2;
  }
  const oldCheckpoint = values.checkpoint ? checkpointNoteFrom(readFileSync(values.checkpoint, 'utf8')) : undefined;
  const pinnedKeyPem = values['public-key'] ? readFileSync(values['public-key'], 'utf8') : undefined;
  let bundle: JournalBundle;
  try {
    bundle = values.export
      ? (JSON.parse(readFileSync(values.export, 'utf8')) as JournalBundle)
      : await fetchBundle(
          server(values.server!, token, values.header ?? []),
          oldCheckpoint ? parseCheckpointNote(oldCheckpoint).size : null,
          values.entry ?? [],
        );
  } catch (e) {
    console.log(`✘ the log could not be read: ${(e as Error).message}\nRESULT: FAILED`);
    return 1;
  }
  if (values.save) writeFileSync(values.save, `${JSON.stringify(bundle, null, 2)}\n`);
  if (values['save-key']) writeFileSync(values['save-key'], bundle.publicKey);
  const r = checkJournal({ bundle, oldCheckpoint, pinnedKeyPem });
  console.log(
    [
      `Journal ${values.export ? `export ${values.export}` : values.server}`,
      ...r.lines,
      `RESULT: ${r.ok ? 'OK — the log checks out' : 'FAILED'}`,
    ].join('\n'),
  );
  return r.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
