export * from './entities/index.js';
export { disclosure } from './main.js';
