import { Migration } from '@mikro-orm/migrations';

/**
 * Journal appends in one round trip, and the self-audit's record.
 *
 * `records.journal_append_batch` does in the database what `appendLeaf` did in four statements: takes
 * the append lock, reads the size, hashes the leaves and every subtree they complete (RFC 6962:
 * SHA-256(0x00 ‖ data), SHA-256(0x01 ‖ left ‖ right), with PostgreSQL's built-in sha256()), inserts
 * them, and returns each leaf's index and hash. `journal_append` is the one-entry form. The pure
 * TypeScript in journal/merkle.ts stays the reference; tests compare the two.
 *
 * `records.journal_audit` keeps every self-audit's outcome, append-only like the rest of the journal.
 */
export class RecordsJournalFastAppend extends Migration {
  async up(): Promise<void> {
    // Lock key 0x7473704a ('tspJ') = JOURNAL_APPEND_LOCK in store.ts: the same lock, so old and new callers take turns.
    // The right edge of the tree (`edge[L+1]`: the last complete node of level L still waiting for its
    // right sibling) is read lazily, only the levels an append actually combines with.
    this.addSql(`create function records.journal_append_batch(entry_ids uuid[], case_ids uuid[], leaves bytea[])
      returns table (idx bigint, leaf_hash bytea) language plpgsql as $$
      declare
        n bigint;
        k int;
        h bytea;
        i bigint;
        lvl int;
        sib bytea;
        edge bytea[] := '{}';
        leaf_idx bigint[] := '{}';
        leaf_hashes bytea[] := '{}';
        node_levels int[] := '{}';
        node_idx bigint[] := '{}';
        node_hashes bytea[] := '{}';
      begin
        if coalesce(cardinality(leaves), 0) = 0 then return; end if;
        if cardinality(entry_ids) <> cardinality(leaves) or cardinality(case_ids) <> cardinality(leaves) then
          raise exception 'journal_append_batch: % entry ids, % case ids, % leaves', cardinality(entry_ids), cardinality(case_ids), cardinality(leaves);
        end if;
        -- Under a snapshot taken before the lock, the size read would miss the previous holder's leaves.
        if current_setting('transaction_isolation') <> 'read committed' then
          raise exception 'journal appends need READ COMMITTED, not %', current_setting('transaction_isolation');
        end if;
        perform pg_advisory_xact_lock(1953722442);
        select coalesce(max(l.idx) + 1, 0) into n from records.journal_leaf l;
        for k in 1 .. cardinality(leaves) loop
          h := sha256('\\x00'::bytea || leaves[k]);
          leaf_idx := leaf_idx || n;
          leaf_hashes := leaf_hashes || h;
          i := n;
          lvl := 0;
          while i % 2 = 1 loop
            sib := edge[lvl + 1];
            if sib is null then
              if lvl = 0 then
                select l.leaf_hash into sib from records.journal_leaf l where l.idx = i - 1;
              else
                select nd.hash into sib from records.journal_node nd where nd.level = lvl and nd.idx = i - 1;
              end if;
              if sib is null then
                raise exception 'journal node missing at level %, index %', lvl, i - 1 using errcode = 'data_corrupted';
              end if;
            end if;
            edge[lvl + 1] := null;
            h := sha256('\\x01'::bytea || sib || h);
            i := (i - 1) / 2;
            lvl := lvl + 1;
            node_levels := node_levels || lvl;
            node_idx := node_idx || i;
            node_hashes := node_hashes || h;
          end loop;
          edge[lvl + 1] := h;
          n := n + 1;
        end loop;
        insert into records.journal_leaf (idx, leaf_hash, entry_id, case_id)
          select * from unnest(leaf_idx, leaf_hashes, entry_ids, case_ids);
        insert into records.journal_node (level, idx, hash)
          select * from unnest(node_levels, node_idx, node_hashes);
        return query select * from unnest(leaf_idx, leaf_hashes);
      end $$`);
    // PL/pgSQL rather than SQL: its plan is cached per session, an SQL function's is not (measured: ~25% slower).
    this.addSql(`create function records.journal_append(entry_id uuid, case_id uuid, leaf bytea)
      returns table (idx bigint, leaf_hash bytea) language plpgsql as $$
      begin
        return query select * from records.journal_append_batch(array[entry_id], array[case_id], array[leaf]);
      end $$`);
    // Invoker's rights: the writer role still needs its INSERT grants; nobody else may call them.
    for (const f of ['journal_append_batch(uuid[], uuid[], bytea[])', 'journal_append(uuid, uuid, bytea)']) {
      this.addSql(`revoke all on function records.${f} from public`);
      this.addSql(`grant execute on function records.${f} to records_writer`);
    }

    // One row per self-audit run. from_size: the last audited head this run continued from;
    // swept_*: the older leaves whose stored subtrees and entries were re-checked this run (a rolling sweep).
    this.addSql(`create table records.journal_audit (
      seq bigint generated always as identity primary key,
      at timestamptz not null default now(),
      from_size bigint not null check (from_size >= 0),
      tree_size bigint not null check (tree_size >= from_size),
      root_hash bytea check (length(root_hash) = 32),
      ok boolean not null,
      problems jsonb not null default '[]' check (jsonb_typeof(problems) = 'array'),
      entries_checked int not null default 0,
      swept_from bigint,
      swept_to bigint,
      checkpoint_size bigint)`);
    this.addSql(`create trigger journal_audit_refuse_change before update or delete on records.journal_audit
      for each row execute function records.refuse_change()`);
    this.addSql(`create trigger journal_audit_refuse_truncate before truncate on records.journal_audit
      for each statement execute function records.refuse_change()`);
    this.addSql(`grant select, insert on records.journal_audit to records_writer`);
  }
}
