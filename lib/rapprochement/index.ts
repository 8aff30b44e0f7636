/**
 * The rapprochement flow (issue 14): the one path from both sides' files and every earlier decision
 * to the proposals, the conflicts and the summary, used by the command line and the side panel's
 * worker (which also stores it: `pipeline.ts`, `worker-handler.ts`).
 */
export * from './decisions-file';
export * from './earlier-decisions';
export * from './flow';
export * from './import-mode';
