/**
 * Every page feature's detection runs its own example URLs, and agrees with the match patterns the
 * manifest declares for it (what the browser injects is what `detect` says), on those examples.
 */
import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it } from 'vitest';
import { entAdmin } from '../../../features/ent-admin';
import { hostingConsole } from '../../../features/hosting-console';
import { pronoteDiagnosis } from '../../../features/pronote-diagnosis';

const FEATURES = [hostingConsole, entAdmin, pronoteDiagnosis];

/** What the browser does with the feature's `matches` and `excludeMatches` for `url`. */
function injected(feature: (typeof FEATURES)[number], url: string): boolean {
  const hit = (patterns: readonly string[] | undefined) => (patterns ?? []).some((p) => new MatchPattern(p).includes(url));
  return hit(feature.matches) && !hit('excludeMatches' in feature ? feature.excludeMatches : undefined);
}

describe.each(FEATURES.map((f) => [f.name, f] as const))('%s', (_name, feature) => {
  it('has examples on both sides', () => {
    expect(feature.detect.yes.length).toBeGreaterThanOrEqual(3);
    expect(feature.detect.no.length).toBeGreaterThanOrEqual(3);
  });

  it.each(feature.detect.yes)('detects %s', (url) => {
    expect(feature.detect(url)).toBe(true);
  });

  it.each(feature.detect.no)('does not detect %s', (url) => {
    expect(feature.detect(url)).toBe(false);
  });

  it('agrees with its match patterns on every example', () => {
    const examples = [...feature.detect.yes, ...feature.detect.no].filter((u) => URL.canParse(u));
    expect(examples.map((u) => [u, injected(feature, u)])).toEqual(examples.map((u) => [u, feature.detect(u)]));
  });
});

describe('the features together', () => {
  it('no example page is claimed by two features', () => {
    for (const feature of FEATURES) {
      for (const url of feature.detect.yes) {
        expect(
          FEATURES.filter((f) => f.detect(url)).map((f) => f.name),
          url,
        ).toEqual([feature.name]);
      }
    }
  });
});
