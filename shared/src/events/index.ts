export * from './consumer.js';
export * from './contracts.js';
export * from './feed.js';
export * from './listener.js';
export * from './migrations.js';
export * from './outbox.js';
export * from './public-log.js';
export * from './types.js';
