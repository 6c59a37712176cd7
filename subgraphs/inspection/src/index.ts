export * from './entities/index.js';
export { inspection } from './main.js';
