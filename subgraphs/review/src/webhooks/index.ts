export { verifyWebhookSignature, signWebhook, SIGNATURE_HEADER, EVENT_ID_HEADER, type VerifyResult } from './signature.js';
export { startWebhookWorker, webhookBody } from './worker.js';
export { WebhookResolver } from './webhook.resolver.js';
export { WebhookAllowlistResolver } from './allowlist.resolver.js';
export { webhookMetrics } from './metrics.js';
