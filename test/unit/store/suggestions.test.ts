import { describe, expect, it } from 'vitest';
import { querySuggestions, setDecision } from '../../../lib/store';
import { freshDb } from './fresh-db';
import { paired } from './sample';

const store = freshDb('suggestions');

describe('suggestions for the ENT helper', () => {
  it('answers the ENT helper with the suggestion for a name, accent- and case-insensitive', async () => {
    const rid = await paired(store.db);
    await setDecision(store.db, rid, { category: 'student', pronoteId: 'S2', kind: 'manual', entId: 'E-S9' });
    const [zoe, julie, nobody, leo] = await querySuggestions(store.db, {
      uai: '0310047H',
      names: [
        { lastName: 'CELIK', firstName: 'zoe', className: '3A' },
        { lastName: 'martin', firstName: 'JULIE' },
        { lastName: 'Inconnu', firstName: 'X' },
        { lastName: 'Petit', firstName: 'Leo' },
      ],
    });
    expect(zoe).toMatchObject({ pronoteId: 'S1', lastName: 'CELIK', firstName: 'Zoe', className: '3A', score: 0.97 });
    expect(julie).toMatchObject({ pronoteId: 'T2', lastName: 'MARTIN', score: 0.7 });
    expect(julie?.why).toContain('firstName:exact');
    expect(nobody).toBeNull();
    expect(leo).toMatchObject({ pronoteId: 'S2', score: 1 });
    expect(await querySuggestions(store.db, { uai: '0690001A', names: [{ lastName: 'Celik', firstName: 'Zoé' }] })).toEqual([null]);
    expect(rid).toBeGreaterThan(0);
  });
});
