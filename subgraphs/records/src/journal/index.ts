export * from './merkle.js';
export * from './canonical.js';
export * from './note.js';
export * from './store.js';
export * from './checkpoint.js';
export * from './verify.js';
export * from './entry-source.js';
export { JournalResolver } from './journal.resolver.js';
export { JournalConsistencyProof, JournalInclusionProof, SignedCheckpoint } from './journal.types.js';
