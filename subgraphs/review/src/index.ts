export * from './entities/index.js';
export { review } from './main.js';
export { verifyWebhookSignature } from './webhooks/signature.js';
export { reportOverdueReviews } from './workers/index.js';
