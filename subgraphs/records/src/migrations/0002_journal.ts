import { Migration } from '@mikro-orm/migrations';

/**
 * The tamper-evident journal (不能删改): Merkle leaves and stored subtree hashes, signed checkpoints,
 * the development signing key; a trigger that refuses UPDATE/DELETE/TRUNCATE, and a writer role
 * without those rights. See src/journal/README.md.
 */
export class RecordsJournal extends Migration {
  async up(): Promise<void> {
    this.addSql(`create function records.refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'records.% is append-only: % refused (记录不能删改)', tg_table_name, tg_op
          using errcode = 'insufficient_privilege',
                hint = 'Record a correction as a new entry instead.';
      end $$`);

    // Leaf idx is the position in the one global log; entry_id ties it to the record entry it commits to.
    this.addSql(`create table records.journal_leaf (
      idx bigint primary key check (idx >= 0),
      leaf_hash bytea not null check (length(leaf_hash) = 32),
      entry_id uuid not null unique,
      case_id uuid not null,
      created_at timestamptz not null default now())`);
    this.addSql(`create index journal_leaf_case_idx on records.journal_leaf (case_id, idx)`);

    // Node (level, idx) is the hash of the complete aligned subtree over leaves [idx·2^level, (idx+1)·2^level);
    // level 0 is journal_leaf itself, so it is not repeated here.
    this.addSql(`create table records.journal_node (
      level int not null check (level between 1 and 62),
      idx bigint not null check (idx >= 0),
      hash bytea not null check (length(hash) = 32),
      primary key (level, idx))`);

    // One signed head per size: a second, different head for the same size would be a fork.
    this.addSql(`create table records.checkpoint (
      size bigint primary key check (size >= 0),
      root_hash bytea not null check (length(root_hash) = 32),
      signed_at timestamptz not null,
      signature bytea not null,
      note text not null)`);
    this.addSql(`create index checkpoint_signed_at_idx on records.checkpoint (signed_at)`);

    // Only used when JOURNAL_SIGNING_KEY is unset (development): one key, kept for the database's life.
    this.addSql(`create table records.signing_key (
      id int primary key check (id = 1),
      private_key_pem text not null,
      public_key_pem text not null,
      created_at timestamptz not null default now())`);

    for (const t of ['journal_leaf', 'journal_node', 'checkpoint', 'signing_key']) {
      this.addSql(`create trigger ${t}_refuse_change before update or delete on records.${t}
        for each row execute function records.refuse_change()`);
      this.addSql(`create trigger ${t}_refuse_truncate before truncate on records.${t}
        for each statement execute function records.refuse_change()`);
    }

    // Roles are cluster-wide: several databases (tests, environments) may create it at once.
    this.addSql(`do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'records_writer') then
          create role records_writer nologin;
        end if;
      exception when duplicate_object or unique_violation then null;
      end $$`);
    this.addSql(`grant usage on schema records to records_writer`);
    this.addSql(
      `revoke all on records.journal_leaf, records.journal_node, records.checkpoint, records.signing_key from records_writer`,
    );
    this.addSql(
      `grant select, insert on records.journal_leaf, records.journal_node, records.checkpoint, records.signing_key to records_writer`,
    );
  }
}
