/**
 * Reading admin pages by their visible labels (PRODUCT.md architecture: "one reader per admin
 * screen: Document → typed snapshot, found by label text"). Receives a `Document` or `Element`;
 * never touches browser APIs nor changes the page.
 */
export { labelScore } from './text';
export type { Reading } from './reading';
export {
  type ControlKind,
  controlSelector,
  controlKind,
  isNotLabel,
  isControl,
  isHidden,
  isDisabled,
  readChecked,
  readValue,
  readOptions,
} from './controls';
export {
  type FoundControl,
  type FindOptions,
  findLabels,
  findControl,
  controlForLabel,
  findButton,
  findTextValue,
  withLabelCache,
} from './labels';
export { type HostingSettings, type HostingField, type RecognitionMode, recognitionModeFromText } from './hosting-settings';
export {
  type HostingScreen,
  type ScreenSnapshot,
  type ScreenReading,
  type HostingSnapshot,
  type HostingAnchors,
  type HostingReading,
  readCasDelegation,
  readEntIntegration,
  readUserIdentification,
  readPublication,
  readHostingConsole,
} from './hosting-console';
