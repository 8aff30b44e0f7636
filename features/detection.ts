/**
 * Page detection as small pure functions of the URL, each carrying the example URLs it must
 * accept and refuse (the model is github-url-detection: `isX(url)` followed by its examples).
 * `test/unit/features/detection.test.ts` runs every example, so a detection and its examples never
 * drift apart. No browser API.
 *
 * The examples are for the tests only: each declaration writes them as
 * `import.meta.env.PROD ? NO_EXAMPLES : { yes, no }`, so that the store build (where Vite sets
 * `PROD`) drops them from the content scripts, as it must drop the test-only host names they use.
 */

/** A URL test with its examples: `yes` must be detected, `no` must not. */
export interface Detection {
  (url: string): boolean;
  readonly yes: readonly string[];
  readonly no: readonly string[];
}

export interface Examples {
  yes: string[];
  no: string[];
}

/** What a production build keeps of the examples. */
export const NO_EXAMPLES: Examples = { yes: [], no: [] };

/** Attaches its examples to `test`. A URL that does not parse is never detected. */
export function detection(test: (url: URL) => boolean, examples: Examples): Detection {
  const detect = (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    return test(parsed);
  };
  return Object.assign(detect, { yes: Object.freeze(examples.yes), no: Object.freeze(examples.no) });
}
