/** The rapprochement store (Dexie): schema, reads and writes, results, suggestions. */
export * from './schema';
export * from './rapprochements';
export * from './items';
export * from './suggestions';
