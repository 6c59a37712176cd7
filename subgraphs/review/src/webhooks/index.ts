export { verifyWebhookSignature, signWebhook, SIGNATURE_HEADER, EVENT_ID_HEADER, type VerifyResult } from './signature.js';
export { startWebhookWorker, webhookBody } from './worker.js';
export { webhookMetrics } from './metrics.js';
