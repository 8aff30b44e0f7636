/**
 * The message of each value the workbench shows (a category, a status, a reason…). A typed record
 * per vocabulary rather than a key built from the value: adding a value without its message, or
 * naming a message that does not exist, fails the type-check instead of showing a raw key.
 */
import type { Category, ExportKind } from '../../lib/core/person';
import type { DecisionKind, Evidence, Level, Reason, Status } from '../../lib/matching/types';
import type { PronoteLayout } from '../../lib/pronote';
import type { Conflict } from '../../lib/rapprochement/earlier-decisions';
import type { ModeReason } from '../../lib/rapprochement/import-mode';
import type { Mode, StepState } from '../../lib/store/schema';
import type { MessageKey } from '../i18n';
import type { Filter } from './step-items';

export const CATEGORY_KEY: Record<Category, MessageKey> = {
  teacher: 'wbCat_teacher',
  student: 'wbCat_student',
  guardian: 'wbCat_guardian',
  supervisor: 'wbCat_supervisor',
  inspector: 'wbCat_inspector',
  staff: 'wbCat_staff',
};

/** The engine's progress stages (lib/matching/match.ts: `prepare`, then one per category; the flow's `done`). */
export const STAGE_KEY: Record<'prepare' | 'done' | Category, MessageKey> = {
  prepare: 'wbStage_prepare',
  done: 'wbStage_done',
  teacher: 'wbStage_teacher',
  student: 'wbStage_student',
  guardian: 'wbStage_guardian',
  supervisor: 'wbStage_supervisor',
  inspector: 'wbStage_inspector',
  staff: 'wbStage_staff',
};

export const STEP_STATE_KEY: Record<StepState, MessageKey> = {
  pending: 'wbStepState_pending',
  validated: 'wbStepState_validated',
  cancelled: 'wbStepState_cancelled',
};

export const MODE_KEY: Record<Mode, MessageKey> = { complet: 'wbMode_complet', partiel: 'wbMode_partiel' };

export const MODE_ADVICE_KEY: Record<ModeReason, MessageKey> = {
  'version-changed': 'wbAdvice_mode_version_changed',
  'file-all-users': 'wbAdvice_mode_file_all_users',
  'file-without-cas': 'wbAdvice_mode_file_without_cas',
  rentree: 'wbAdvice_mode_rentree',
  'in-year': 'wbAdvice_mode_in_year',
};

export const EXPORT_KIND_KEY: Record<Exclude<ExportKind, 'unknown'>, MessageKey> = {
  'all-users': 'wbExportKind_all_users',
  'without-cas-only': 'wbExportKind_without_cas_only',
};

export const LAYOUT_KEY: Record<PronoteLayout, MessageKey> = {
  partner: 'wbLayout_partner',
  'rapprochement-sso': 'wbLayout_rapprochement_sso',
  sniffed: 'wbLayout_sniffed',
};

export const STATUS_KEY: Record<Status, MessageKey> = {
  auto: 'wbStatus_auto',
  review: 'wbStatus_review',
  unmatched: 'wbStatus_unmatched',
};

export const DECISION_KEY: Record<DecisionKind, MessageKey> = {
  confirmed: 'wbDecision_confirmed',
  manual: 'wbDecision_manual',
  rejected: 'wbDecision_rejected',
  'no-account': 'wbDecision_no_account',
};

/** Why the engine left a person to review (shown under the person). */
export const REASON_KEY: Record<Reason, MessageKey> = {
  'not-in-directory': 'wbReason_not_in_directory',
  'former-student': 'wbReason_former_student',
  'guardian-of-unpaired': 'wbReason_guardian_of_unpaired',
  'duplicate-pronote': 'wbReason_duplicate_pronote',
  'duplicate-ent': 'wbReason_duplicate_ent',
  homonyms: 'wbReason_homonyms',
  'no-ent-category': 'wbReason_no_ent_category',
  'low-score': 'wbReason_low_score',
  ambiguous: 'wbReason_ambiguous',
  conflict: 'wbReason_conflict',
};

/** Why a person is left at the end (components/rapprochement/LeftExplained.tsx): its heading and its advice. */
export const LEFT_KEY: Record<Reason | 'rejected' | 'none', { title: MessageKey; advice: MessageKey }> = {
  'not-in-directory': { title: 'wbLeft_not_in_directory', advice: 'wbAdvice_not_in_directory' },
  'former-student': { title: 'wbLeft_former_student', advice: 'wbAdvice_former_student' },
  'guardian-of-unpaired': { title: 'wbLeft_guardian_of_unpaired', advice: 'wbAdvice_guardian_of_unpaired' },
  'duplicate-pronote': { title: 'wbLeft_duplicate_pronote', advice: 'wbAdvice_duplicate_pronote' },
  'duplicate-ent': { title: 'wbLeft_duplicate_ent', advice: 'wbAdvice_duplicate_ent' },
  homonyms: { title: 'wbLeft_homonyms', advice: 'wbAdvice_homonyms' },
  'no-ent-category': { title: 'wbLeft_no_ent_category', advice: 'wbAdvice_no_ent_category' },
  'low-score': { title: 'wbLeft_low_score', advice: 'wbAdvice_low_score' },
  ambiguous: { title: 'wbLeft_ambiguous', advice: 'wbAdvice_ambiguous' },
  conflict: { title: 'wbLeft_conflict', advice: 'wbAdvice_conflict' },
  rejected: { title: 'wbLeft_rejected', advice: 'wbAdvice_rejected' },
  none: { title: 'wbLeft_none', advice: 'wbAdvice_none' },
};

export const FIELD_KEY: Record<Evidence['field'], MessageKey> = {
  lastName: 'wbField_lastName',
  birthName: 'wbField_birthName',
  firstName: 'wbField_firstName',
  birthDate: 'wbField_birthDate',
  class: 'wbField_class',
  sex: 'wbField_sex',
  email: 'wbField_email',
  postalCode: 'wbField_postalCode',
  children: 'wbField_children',
  structure: 'wbField_structure',
};

export const LEVEL_KEY: Record<Level, MessageKey> = {
  exact: 'wbLevel_exact',
  close: 'wbLevel_close',
  phonetic: 'wbLevel_phonetic',
  swapped: 'wbLevel_swapped',
  different: 'wbLevel_different',
  missing: 'wbLevel_missing',
};

/** A step's filter buttons; `$1` is the count. */
export const FILTER_KEY: Record<Filter, MessageKey> = {
  all: 'wbFilter_all',
  todo: 'wbFilter_todo',
  auto: 'wbFilter_auto',
  review: 'wbFilter_review',
  unmatched: 'wbFilter_unmatched',
};

/** A conflict between earlier decisions (lib/rapprochement/earlier-decisions.ts): what it is and how to fix it. */
export const CONFLICT_KEY: Record<Conflict['kind'], { text: MessageKey; fix: MessageKey }> = {
  'same-account': { text: 'wbConflict_same_account', fix: 'wbConflictFix_same_account' },
  'account-absent': { text: 'wbConflict_account_absent', fix: 'wbConflictFix_account_absent' },
};

/** The link-field uses of the mapping screen (a Pronote field holding children or guardians). */
export const USE_AS_KEY: Record<'children' | 'guardians', MessageKey> = {
  children: 'wbUseAs_children',
  guardians: 'wbUseAs_guardians',
};
