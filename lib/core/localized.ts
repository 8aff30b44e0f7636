/**
 * The shared shape of every bilingual text of `lib/` (the product speaks French first, English
 * second: PRODUCT.md, "Languages"). Declared here, at the ground floor, so that the data model, the
 * readers, the rules and the reports all depend on `lib/core` and never on one another.
 */

/** A text in the two languages of the product (French first). */
export interface Localized {
  fr: string;
  en: string;
}
