import { parseArgs } from 'node:util';

import { rotateWebhookSecrets, type RotationProgress } from '@tsp/review/dist/webhooks/rotate.js';
import { webhookSecretKeys } from '@tsp/review/dist/webhooks/secret-key.js';
import { loadConfigOrExit } from '@tsp/shared';
import { Client } from 'pg';

const USAGE = `rotate-webhook-key: re-seals every webhook secret under WEBHOOK_SECRET_KEY.

  npm run rotate-webhook-key [-- --dry-run]

  Reads DATABASE_URL, WEBHOOK_SECRET_KEY (the new key) and WEBHOOK_SECRET_KEY_PREVIOUS (the old one).
  --dry-run   check and count only; write nothing
Exit status: 0 when every secret is (now) sealed under WEBHOOK_SECRET_KEY; 1 when any opens with
neither key (then nothing is changed) or on errors; 2 on usage errors.`;

/** Progress every this many rows, and at the end of each phase. */
const EVERY = 100;

function progress(p: RotationProgress) {
  if (p.done % EVERY === 0 || p.done === p.total)
    console.log(`  ${p.phase === 'check' ? 'checked' : 're-sealed'} ${p.done}/${p.total}`);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { DATABASE_URL: url, WEBHOOK_SECRET_KEY } = loadConfigOrExit();
  if (!url) throw new Error('DATABASE_URL is required');
  // Re-sealing under the development key derived from INTERNAL_SECRET is never what a rotation wants.
  if (!WEBHOOK_SECRET_KEY) throw new Error('WEBHOOK_SECRET_KEY is required: it is the key secrets are re-sealed under');
  const keys = webhookSecretKeys();
  if (!keys.previous)
    console.log('WEBHOOK_SECRET_KEY_PREVIOUS is unset: only checking that every secret opens with WEBHOOK_SECRET_KEY');
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const dryRun = values['dry-run'] ?? false;
    console.log(`rotating webhook secrets${dryRun ? ' (dry run: nothing is written)' : ''}`);
    const r = await rotateWebhookSecrets(db, keys, { dryRun, onProgress: progress });
    for (const u of r.unreadable) console.log(`  ✘ ${u.why}`);
    const refused = r.unreadable.length > 0;
    const resealed = refused || dryRun ? `${r.underPrevious} to re-seal, none written` : `${r.resealed} re-sealed`;
    console.log(
      `${r.total} endpoints: ${resealed}, ${r.alreadyCurrent} already current, ${r.unreadable.length} unreadable`,
    );
    if (refused) {
      console.log(
        'RESULT: REFUSED — nothing changed. Set the key those secrets were sealed with as WEBHOOK_SECRET_KEY_PREVIOUS and run again.',
      );
      return 1;
    }
    console.log(
      dryRun
        ? 'RESULT: OK (dry run)'
        : 'RESULT: OK — every secret is sealed under WEBHOOK_SECRET_KEY; WEBHOOK_SECRET_KEY_PREVIOUS can be removed',
    );
    return 0;
  } finally {
    await db.end();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
