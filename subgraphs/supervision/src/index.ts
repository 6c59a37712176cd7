export * from './entities/index.js';
export { supervision } from './main.js';
