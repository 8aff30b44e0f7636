/**
 * The matching engine's public face (issue 4): `match` and what its callers need. The engine's
 * parts live in files named for their job (see `match.ts`); this file only re-exports.
 */
export { DIRECTORY_POOLS } from './categories';
export * from './compare';
export { match } from './match';
export * from './normalise';
export { personKey } from './person-key';
export { AUTO_BITS, AUTO_BITS_UNLINKED, MARGIN_BITS, MAX_CANDIDATES, NAME_ONLY_BITS, REVIEW_BITS } from './thresholds';
export type * from './types';
