import { describe, expect, it } from 'vitest';
import { rovingTarget, tabStop } from '../../../../components/rapprochement/roving';

const shown = (...indexes: number[]) => indexes.map((index) => ({ index }));

describe('tabStop: the one row of the list in the tab order', () => {
  it('is the selected person’s row, found by their index in the step', () => {
    expect(tabStop(shown(4, 7, 9), 7)).toBe(1);
    expect(tabStop(shown(4, 7, 9), 9)).toBe(2);
  });
  it('is the first row when a filter hides the selected person, none in an empty list', () => {
    expect(tabStop(shown(4, 7, 9), 5)).toBe(0);
    expect(tabStop([], 0)).toBe(-1);
  });
});

describe('rovingTarget: where the arrow keys, Home and End take the focus', () => {
  it('moves one row down and up, and stops at both ends without wrapping', () => {
    expect(rovingTarget(2, 5, 'next')).toBe(3);
    expect(rovingTarget(2, 5, 'previous')).toBe(1);
    expect(rovingTarget(4, 5, 'next')).toBe(4);
    expect(rovingTarget(0, 5, 'previous')).toBe(0);
  });
  it('goes to the first and the last row with Home and End, wherever it is', () => {
    expect(rovingTarget(3, 5, 'first')).toBe(0);
    expect(rovingTarget(1, 5, 'last')).toBe(4);
    expect(rovingTarget(-1, 5, 'last')).toBe(4);
  });
  it('stays on the row for "current" (Escape from the search field back to the list)', () => {
    expect(rovingTarget(3, 5, 'current')).toBe(3);
  });
  it('starts from the first row when no row is selected, and lands nowhere in an empty list', () => {
    for (const move of ['next', 'previous', 'current'] as const) expect(rovingTarget(-1, 5, move)).toBe(0);
    expect(rovingTarget(7, 5, 'next')).toBe(0);
    for (const move of ['next', 'previous', 'first', 'last', 'current'] as const) expect(rovingTarget(0, 0, move)).toBe(-1);
  });
});
