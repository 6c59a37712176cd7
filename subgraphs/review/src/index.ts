export { review } from './main.js';
export * from './entities/index.js';
export { reportOverdueReviews } from './workers/index.js';
export { verifyWebhookSignature } from './webhooks/signature.js';
