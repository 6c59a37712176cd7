import { Migration } from '@mikro-orm/migrations';

/** Tables whose rows are never changed once written (全过程留痕、不能删改). */
const APPEND_ONLY = ['record_entry', 'attachment', 'case_decision', 'deadline_extension'];

/**
 * Attaches the journal's `records.refuse_change()` trigger (migration 0002) to the record tables,
 * and gives the writer role exactly the rights the service needs: insert-only on the record,
 * update where state moves on (the case's stage, settings).
 */
export class RecordsEntriesAppendOnly extends Migration {
  async up(): Promise<void> {
    for (const t of APPEND_ONLY) {
      this.addSql(`create trigger ${t}_refuse_change before update or delete on records.${t}
        for each row execute function records.refuse_change()`);
      this.addSql(`create trigger ${t}_refuse_truncate before truncate on records.${t}
        for each statement execute function records.refuse_change()`);
    }
    this.addSql(`grant select, insert on ${APPEND_ONLY.map((t) => `records.${t}`).join(', ')} to records_writer`);
    this.addSql(
      `grant select, insert, update on records.enforcement_case, records.audio_visual_list, records.case_file_requirement to records_writer`,
    );
    this.addSql(`grant select, insert on records.outbox to records_writer`);
    this.addSql(`grant usage on sequence records.outbox_position_seq to records_writer`);
  }
}
