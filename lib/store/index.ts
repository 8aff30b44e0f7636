/**
 * The rapprochement store (Dexie): schema, reads and writes, results, suggestions, one module per
 * thing kept. Every write that touches more than one row runs in one Dexie transaction, so that
 * closing the panel mid-way never leaves work half-written.
 */
export * from './schema';
export * from './errors';
export {
  createRapprochement,
  deleteAllData,
  latestForSchool,
  listRapprochements,
  openRapprochement,
  setOpenRapprochement,
  type StoredCounts,
  storedCounts,
  updateRapprochement,
} from './lifecycle';
export { loadDecisionsFile, loadEarlier, loadInput, saveDecisionsFile, saveInput, type StoredDecisionsFile } from './inputs';
export { cancelStep, loadStep, type ProposalsReady, reopenStep, resumeStep, saveProposals, validateStep } from './steps';
export { type DecisionInput, findRemembered, loadDecisions, rememberedDecisions, removeDecision, setDecision } from './decisions';
export { loadHolders, pairsWith } from './holders';
export * from './profiles';
export * from './items';
export * from './suggestions';
