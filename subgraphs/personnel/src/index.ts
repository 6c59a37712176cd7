export * from './entities/index.js';
export { personnel } from './main.js';
export * from './rules/credentials.js';
export * from './rules/kinds.js';
export * from './rules/staffing.js';
