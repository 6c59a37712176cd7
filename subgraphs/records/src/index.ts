export { records } from './main.js';
export * from './entities/index.js';
export * from './journal/index.js';
