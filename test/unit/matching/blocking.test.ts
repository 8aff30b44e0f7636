import { describe, expect, it } from 'vitest';
import { BlockIndex, blockingKeys, KeyInterner, Keys } from '../../../lib/matching/blocking';
import { prepare } from '../../../lib/matching/compare';
import { person } from './persons';

// An account with many keys: a surname with particles and a birth name, five other given names.
const many = person('directory', 'student', {
  id: 'ent-many',
  last: 'DE LA FONTAINE',
  birthName: 'VAN DER BERG',
  first: 'Marie-Claire',
  others: ['Anne', 'Sophie', 'Louise', 'Jeanne', 'Hélène'],
  birth: '2011-04-03',
  email: 'mc.delafontaine@example.fr',
});
const plain = person('directory', 'student', { id: 'ent-plain', last: 'MARTIN', first: 'Lucas', birth: '2011-09-12' });

function visited(index: BlockIndex, p: ReturnType<typeof prepare>): string[] {
  const out: string[] = [];
  index.start(p);
  index.visitKeys(true, (d) => out.push(d.person.id));
  index.visitKeys(false, (d) => out.push(d.person.id));
  return out;
}

describe('BlockIndex', () => {
  it('keeps every key when the index grows past the room first made for its pool', () => {
    const D = [prepare(many, 0), prepare(plain, 1)];
    const ids = new KeyInterner();
    // Room is first made for 12 keys an account + 16; the second account of the pool goes beyond
    // it, so the first one's keys are copied into larger arrays.
    const pool = [D[1], D[0]];
    const count = (d: (typeof D)[number]) => blockingKeys(d, false, ids, new Keys()).length;
    expect(count(pool[0]) + count(pool[1])).toBeGreaterThan(2 * 12 + 16);
    const index = new BlockIndex(pool, D, ids);
    const lucas = prepare(person('pronote', 'student', { id: 'p0', last: 'MARTIN', first: 'Lucas', birth: '2011-09-12' }), 0);
    expect(visited(index, lucas)).toEqual(['ent-plain']);
    const pronote = prepare(person('pronote', 'student', { id: 'p1', last: 'Lafontaine', first: 'Marie Claire', birth: '2011-04-03' }), 1);
    expect(visited(index, pronote)).toEqual(['ent-many']);
    // Found by the birth name and another given name too.
    const byBirthName = prepare(person('pronote', 'student', { id: 'p2', last: 'BERG', first: 'Hélène', birth: '2011-03-04' }), 2);
    expect(visited(index, byBirthName)).toEqual(['ent-many']);
  });

  it('visits each account once per person, and only accounts sharing a key', () => {
    const D = [prepare(many, 0), prepare(plain, 1)];
    const index = new BlockIndex(D, D);
    expect(visited(index, prepare(person('pronote', 'student', { id: 'p3', last: 'Martin', first: 'Lucas', birth: '2011-09-12' }), 0))).toEqual(['ent-plain']);
    expect(visited(index, prepare(person('pronote', 'student', { id: 'p4', last: 'Durand', first: 'Paul', birth: '2012-01-05' }), 1))).toEqual([]);
  });
});
