export * from './discretion.js';
export * from './feed.js';
export * from './personnel.js';
export * from './records.js';
export * from './review.js';
export * from './statistics.js';
export * from './supervision.js';
