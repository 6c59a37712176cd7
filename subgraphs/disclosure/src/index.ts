export { disclosure } from './main.js';
export * from './entities/index.js';
