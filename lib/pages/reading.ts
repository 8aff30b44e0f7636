/**
 * What a page reader gives back: the values the rules judge (`snapshot`: plain data, no element,
 * so that rules stay pure and the snapshot can be compared, logged or sent as is) and, apart, the
 * elements those values were read from (`anchors`), which only the UI uses to show a finding next
 * to its field.
 */
export interface Reading<Snapshot, Anchors> {
  snapshot: Snapshot;
  anchors: Anchors;
}
