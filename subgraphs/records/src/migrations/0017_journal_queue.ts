import { Migration } from '@mikro-orm/migrations';

/**
 * 日志排队 Journal appends queued in the writer's transaction and sequenced in batches (Tessera's way).
 *
 * Before, a writer appended its leaf inside its own transaction under the append lock, so writes of every case took
 * turns on one lock: eight writers reached about 940 appends/s on two cores. Now the writer's transaction inserts
 * its leaf hash into `records.journal_queue` (no lock: the entry and its place in the queue commit or roll back
 * together), and `records.journal_integrate` moves queued leaves into the tree in order, many per transaction,
 * under the append lock. The service calls it after each such commit, before answering (one call covers every
 * commit before it); the self-audit calls it too, for leaves a crash left queued.
 *
 * The tree loop moves from journal_append_batch to `journal_append_hashed` (leaf hashes given), which both use.
 * `journal_leaf.entry_xmin` keeps the writer's transaction id (the queue row's xmin): the self-audit's suspects are
 * entry rows written by another transaction than their leaf's, and a queued leaf's is always another.
 */
export class RecordsJournalQueue extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table records.journal_queue (
      seq bigint generated always as identity primary key,
      entry_id uuid not null unique,
      case_id uuid not null,
      leaf_hash bytea not null check (length(leaf_hash) = 32),
      queued_at timestamptz not null default now())`);
    this.addSql(`create index journal_queue_case on records.journal_queue (case_id)`);
    // Rows leave the queue only by journal_integrate, which inserts their leaves in the same transaction and runs with
    // its owner's rights: the writer role may not delete a queued leaf (its entry would stay outside the journal).
    this.addSql(`create trigger journal_queue_refuse_update before update on records.journal_queue
      for each row execute function records.refuse_change()`);
    this.addSql(`grant select, insert on records.journal_queue to records_writer`);
    // null: the leaf was written in its entry's transaction (appendLeaf, and every leaf before this migration).
    this.addSql(`alter table records.journal_leaf add column entry_xmin xid`);

    // Lock key 0x7473704a ('tspJ') = JOURNAL_APPEND_LOCK in journal/store.ts.
    this.addSql(`create function records.journal_append_hashed(entry_ids uuid[], case_ids uuid[], leaf_hashes bytea[],
        entry_xmins xid[] default null)
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
        node_levels int[] := '{}';
        node_idx bigint[] := '{}';
        node_hashes bytea[] := '{}';
      begin
        if coalesce(cardinality(leaf_hashes), 0) = 0 then return; end if;
        if cardinality(entry_ids) <> cardinality(leaf_hashes) or cardinality(case_ids) <> cardinality(leaf_hashes) then
          raise exception 'journal_append_hashed: % entry ids, % case ids, % leaves',
            cardinality(entry_ids), cardinality(case_ids), cardinality(leaf_hashes);
        end if;
        -- Under a snapshot taken before the lock, the size read would miss the previous holder's leaves.
        if current_setting('transaction_isolation') <> 'read committed' then
          raise exception 'journal appends need READ COMMITTED, not %', current_setting('transaction_isolation');
        end if;
        perform pg_advisory_xact_lock(1953722442);
        select coalesce(max(l.idx) + 1, 0) into n from records.journal_leaf l;
        for k in 1 .. cardinality(leaf_hashes) loop
          h := leaf_hashes[k];
          leaf_idx := leaf_idx || n;
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
        insert into records.journal_leaf (idx, leaf_hash, entry_id, case_id, entry_xmin)
          select * from unnest(leaf_idx, leaf_hashes, entry_ids, case_ids,
            coalesce(entry_xmins, array_fill(null::xid, array[cardinality(leaf_hashes)])));
        insert into records.journal_node (level, idx, hash)
          select * from unnest(node_levels, node_idx, node_hashes);
        return query select * from unnest(leaf_idx, leaf_hashes);
      end $$`);
    this
      .addSql(`create or replace function records.journal_append_batch(entry_ids uuid[], case_ids uuid[], leaves bytea[])
      returns table (idx bigint, leaf_hash bytea) language plpgsql as $$
      begin
        return query select * from records.journal_append_hashed(entry_ids, case_ids,
          array(select sha256('\\x00'::bytea || d) from unnest(leaves) with ordinality as t(d, o) order by o));
      end $$`);
    // Returns how many leaves it moved into the tree (0: none queued). A queued leaf whose entry has a leaf already
    // stays queued, so that it cannot stop every later integration; the self-audit reports it.
    this.addSql(`create function records.journal_integrate(max_leaves int) returns int language plpgsql
      security definer set search_path = pg_catalog, pg_temp as $$
      declare
        ids uuid[];
        cases uuid[];
        hashes bytea[];
        xmins xid[];
      begin
        perform pg_advisory_xact_lock(1953722442);
        with taken as (
          delete from records.journal_queue q
           where q.seq in (select s.seq from records.journal_queue s
                            where not exists (select 1 from records.journal_leaf l where l.entry_id = s.entry_id)
                            order by s.seq limit max_leaves)
          returning q.seq, q.entry_id, q.case_id, q.leaf_hash, q.xmin)
        select array_agg(t.entry_id order by t.seq), array_agg(t.case_id order by t.seq),
               array_agg(t.leaf_hash order by t.seq), array_agg(t.xmin order by t.seq)
          into ids, cases, hashes, xmins from taken t;
        if ids is null then return 0; end if;
        perform records.journal_append_hashed(ids, cases, hashes, xmins);
        return cardinality(ids);
      end $$`);
    for (const f of ['journal_append_hashed(uuid[], uuid[], bytea[], xid[])', 'journal_integrate(int)']) {
      this.addSql(`revoke all on function records.${f} from public`);
      this.addSql(`grant execute on function records.${f} to records_writer`);
    }
  }
}
