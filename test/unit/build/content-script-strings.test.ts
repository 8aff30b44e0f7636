import { describe, expect, it } from 'vitest';
import fr from '../../../public/_locales/fr/messages.json';
import { usedEntries } from '../../../scripts/build/content-script-strings';

describe('usedEntries (the UI strings a content script carries)', () => {
  it('keeps the keys the minified code names in any quote style, and only those', () => {
    const code = 'x(`findingsCopy`,[],e);y("diagCopy");const m={error:\'findingsRegion\'};z(`findingsCopyX`)';
    const used = usedEntries(fr, code);
    expect(Object.keys(used).sort()).toEqual(['diagCopy', 'findingsCopy', 'findingsRegion']);
    expect(used.findingsCopy.message).toBe(fr.findingsCopy.message);
  });

  it('does not keep a key that only appears inside a longer word or text', () => {
    expect(usedEntries(fr, 'const s = "see findingsCopy now"; findingsCopy();')).toEqual({});
  });
});
