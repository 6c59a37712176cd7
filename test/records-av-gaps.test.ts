import { randomUUID } from 'node:crypto';

import { createTestDatabase, sql } from './kit/db';
import { migrateRecords } from './kit/journal';

/**
 * records.entry_without_full_av (migration 0007) is what the audio-visual finding reads candidates
 * from: it must hold exactly the entries without a full-process AUDIO/VIDEO record, whichever way the
 * entry and its attachments were written (attachments come after the entry, in the same transaction),
 * and refuse changes like the entries themselves.
 */

let url: string;
const agency = randomUUID();
const caseId = randomUUID();

beforeAll(async () => {
  url = await createTestDatabase();
  await migrateRecords(url);
  await sql(
    url,
    `insert into records.enforcement_case (id, agency_id, region, case_number, category, cause, party_type, party_name, handler_ids, stage, filed_at, created_by)
    values ($1, $2, '宁晋县', 'T-1', 'INSPECTION', 'test', 'ORGANIZATION', '某公司', '{}', 'INVESTIGATION', now(), 'test')`,
    [caseId, agency],
  );
});

/** One transaction: the entry, then its attachments (the order records writes them in). */
async function entry(
  sequence: number,
  o: { affects?: boolean; media?: { kind: string; full: boolean }[] },
): Promise<string> {
  const id = randomUUID();
  const attachments = (o.media ?? [])
    .map(
      (m, i) =>
        `insert into records.attachment (id, entry_id, case_id, position, kind, sha256, size, media_type, name, full_process)
     values ('${randomUUID()}', '${id}', '${caseId}', ${i}, '${m.kind}', '${'a'.repeat(64)}', 1, 'video/mp4', 'x', ${m.full});`,
    )
    .join('\n');
  await sql(
    url,
    `begin;
    insert into records.record_entry (id, case_id, agency_id, sequence, stage, activity, occurred_at, recorded_at, officer_ids, summary, affects_liberty_or_property, hash, recorded_by)
      values ('${id}', '${caseId}', '${agency}', ${sequence}, 'INVESTIGATION', 'ON_SITE_INSPECTION', now(), now(), '{}', 's', ${o.affects ?? false}, 'h', 'test');
    ${attachments}
    commit;`,
  );
  return id;
}

const gap = async (id: string) =>
  (
    await sql<{ has_av: boolean; affects_liberty_or_property: boolean }>(
      url,
      `select has_av, affects_liberty_or_property from records.entry_without_full_av where entry_id = $1`,
      [id],
    )
  )[0] ?? null;

test('holds entries without full-process audio/video, with whether they have any', async () => {
  expect(await gap(await entry(1, {}))).toEqual({ has_av: false, affects_liberty_or_property: false });
  expect(await gap(await entry(2, { media: [{ kind: 'PHOTO', full: false }] }))).toEqual({
    has_av: false,
    affects_liberty_or_property: false,
  });
  expect(await gap(await entry(3, { affects: true, media: [{ kind: 'VIDEO', full: false }] }))).toEqual({
    has_av: true,
    affects_liberty_or_property: true,
  });
  expect(
    await gap(
      await entry(4, {
        media: [
          { kind: 'PHOTO', full: false },
          { kind: 'AUDIO', full: true },
        ],
      }),
    ),
  ).toBeNull();
});

test('refuses changes, like the entries', async () => {
  const id = await entry(5, {});
  await expect(
    sql(url, `update records.entry_without_full_av set has_av = true where entry_id = $1`, [id]),
  ).rejects.toThrow();
  await expect(sql(url, `delete from records.entry_without_full_av where entry_id = $1`, [id])).rejects.toThrow();
  expect(await gap(id)).toEqual({ has_av: false, affects_liberty_or_property: false });
});
