export * from './disclosure.js';
export * from './inspection.js';
export * from './personnel.js';
export * from './records.js';
export * from './review.js';
export * from './statistics.js';
export * from './supervision.js';
