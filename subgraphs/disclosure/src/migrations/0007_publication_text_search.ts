import { Migration } from '@mikro-orm/migrations';

/**
 * 公示检索 The public text search (`publications(filter: { text })`, an ILIKE '%…%' over the masked public
 * copy) gets a trigram index on exactly the searched expression: without it, a rare or absent term reads
 * every publication (500,000 in a province). pg_trgm ships with PostgreSQL and is a trusted extension;
 * under a UTF-8 ctype it takes Chinese characters as word characters, so a term of three or more
 * characters narrows the rows by its trigrams (why trigrams rather than a segmenter: README § Performance).
 */
export class DisclosurePublicationTextSearch extends Migration {
  async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm with schema public`);
    this.addSql(`create index publication_text_trgm_idx on disclosure.publication using gin
      ((case_number || ' ' || party_name || ' ' || summary || ' ' || conclusion || ' ' || legal_basis) public.gin_trgm_ops)`);
  }
}
