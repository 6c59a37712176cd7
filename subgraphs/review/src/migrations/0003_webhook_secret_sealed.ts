import { Migration } from '@mikro-orm/migrations';

import { sealSecret } from '../webhooks/secret-box.js';

/**
 * Webhook secrets encrypted at rest (AES-256-GCM, webhooks/secret-box.ts). Existing plaintext rows
 * are encrypted here, in the migration's transaction, with the key the service will read: the
 * migration must run with the same WEBHOOK_SECRET_KEY (or INTERNAL_SECRET) as review.
 */
export class ReviewWebhookSecretSealed extends Migration {
  async up(): Promise<void> {
    // execute() runs at once, in order; addSql() would only run after up() returns.
    await this.execute(`alter table review.webhook_endpoint add column secret_sealed bytea`);
    const rows = (await this.execute(`select id, secret from review.webhook_endpoint`)) as {
      id: string;
      secret: string;
    }[];
    for (const r of rows)
      await this.execute(`update review.webhook_endpoint set secret_sealed = ? where id = ?`, [
        sealSecret(r.id, r.secret),
        r.id,
      ]);
    await this.execute(`alter table review.webhook_endpoint alter column secret_sealed set not null`);
    await this.execute(`alter table review.webhook_endpoint drop column secret`);
  }
}
