// What the standalone verifier needs, and nothing that touches a database or GraphQL.
export * from './canonical.js';
export * from './client-check.js';
export * from './merkle.js';
export * from './note.js';
