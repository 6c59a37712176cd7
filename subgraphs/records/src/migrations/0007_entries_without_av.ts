import { Migration } from '@mikro-orm/migrations';

/**
 * `records.entry_without_full_av`: every entry that has no full-process AUDIO/VIDEO record, with the
 * facts the audio-visual finding needs (`has_av`: some AUDIO/VIDEO, not marked full-process). The
 * all-findings query reads candidates from it through small indexes instead of scanning every entry
 * of the region and aggregating attachments on each request (that query was most of the
 * supervision query's database time at 20 × 500).
 *
 * A deferred constraint trigger fills it at commit, when the entry's attachments are in (they are
 * written after the entry, in the same transaction), so every write path — live writes, legacy
 * imports, bulk loads — is covered without application code. Attachments never change afterwards
 * (append-only), so a row never needs updating; the table is append-only like the entries.
 */
export class RecordsEntriesWithoutAv extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table records.entry_without_full_av (
      entry_id uuid primary key,
      agency_id uuid not null,
      activity text not null,
      affects_liberty_or_property boolean not null,
      has_av boolean not null)`);
    this.addSql(
      `create index entry_without_av_activity_idx on records.entry_without_full_av (agency_id, activity) where not has_av`,
    );
    this.addSql(
      `create index entry_without_full_av_affects_idx on records.entry_without_full_av (agency_id) where affects_liberty_or_property`,
    );
    this.addSql(
      `create index record_entry_credential_problem_idx on records.record_entry (agency_id) where credential_problem is not null`,
    );
    this.addSql(`create function records.note_entry_av() returns trigger language plpgsql as $$
      declare
        any_av boolean;
        full_av boolean;
      begin
        select coalesce(bool_or(true), false), coalesce(bool_or(a.full_process), false) into any_av, full_av
          from records.attachment a where a.entry_id = new.id and a.kind in ('AUDIO', 'VIDEO');
        if not full_av then
          insert into records.entry_without_full_av (entry_id, agency_id, activity, affects_liberty_or_property, has_av)
            values (new.id, new.agency_id, new.activity, new.affects_liberty_or_property, any_av);
        end if;
        return null;
      end $$`);
    this.addSql(`create constraint trigger record_entry_note_av after insert on records.record_entry
      deferrable initially deferred for each row execute function records.note_entry_av()`);
    this
      .addSql(`insert into records.entry_without_full_av (entry_id, agency_id, activity, affects_liberty_or_property, has_av)
      select e.id, e.agency_id, e.activity, e.affects_liberty_or_property, av.entry_id is not null
        from records.record_entry e
        left join (select entry_id, bool_or(full_process) as full_process from records.attachment
                    where kind in ('AUDIO', 'VIDEO') group by entry_id) av on av.entry_id = e.id
       where not coalesce(av.full_process, false)`);
    this
      .addSql(`create trigger entry_without_full_av_refuse_change before update or delete on records.entry_without_full_av
      for each row execute function records.refuse_change()`);
    this.addSql(`create trigger entry_without_full_av_refuse_truncate before truncate on records.entry_without_full_av
      for each statement execute function records.refuse_change()`);
    this.addSql(`grant select, insert on records.entry_without_full_av to records_writer`);
  }
}
