export { webhookMetrics } from './metrics.js';
export {
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  type VerifyResult,
  verifyWebhookSignature,
} from './signature.js';
export { startWebhookWorker, webhookBody } from './worker.js';
