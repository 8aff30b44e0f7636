/**
 * Diagnostics for support staff (PRODUCT.md §4): the known failures, the recogniser of pasted
 * text, the instance check, the CAS response reader and the rentrée checklist.
 */
export { KNOWN_FAILURES, knownFailure, type FailureId, type KnownFailure, type Signal } from './known-failures';
export { recogniseText, type Recognition, type RecognitionResult } from './recognise';
export {
  INFO_MOBILE_APP_ID,
  checkInstance,
  instanceTarget,
  readInstanceInput,
  type InstanceEspace,
  type InstanceInput,
  interpretInstanceAnswer,
  interpretInstanceFailure,
  type FetchLike,
  type HttpAnswer,
  type InstanceCheck,
  type InstanceInfo,
  type InstanceState,
  type InstanceTarget,
} from './instance';
export { namesPronote, readPastedUrl, type PastedUrl, type UrlHop } from './pasted-url';
export {
  IDENTITY_ATTRIBUTES,
  looksLikeCasResponse,
  readCasResponse,
  type CasAttribute,
  type CasReading,
  type IdentityCategory,
  type IdentityReading,
  type RecognitionMode,
} from './cas-response';
export {
  currentProgress,
  emptyProgress,
  rentreeSteps,
  rentreeStorageKey,
  schoolYear,
  toggleStep,
  type RentreeAnswers,
  type RentreeProgress,
  type RentreeStep,
} from './rentree';
export { PAGE_FAILURES, casEvidence, diagnosePage, pageAccess, type PageDiagnosis } from './page';
