import { describe, expect, it } from 'vitest';
import { adviseMode, modeShown, modeToKeep } from '../../../lib/rapprochement/import-mode';

const SEPTEMBER = new Date(2026, 8, 10);
const FEBRUARY = new Date(2027, 1, 3);

describe('the advised import mode', () => {
  it('follows the date when no file is loaded: complet at the rentrée, partiel during the year', () => {
    expect(adviseMode(SEPTEMBER)).toEqual({ mode: 'complet', reason: 'rentree' });
    expect(adviseMode(FEBRUARY)).toEqual({ mode: 'partiel', reason: 'in-year' });
    expect(adviseMode(new Date(2026, 6, 31)).mode).toBe('partiel');
    expect(adviseMode(new Date(2026, 7, 1)).mode).toBe('complet');
    expect(adviseMode(new Date(2026, 10, 1)).mode).toBe('partiel');
  });

  it('follows the loaded file over the date', () => {
    expect(adviseMode(FEBRUARY, { exportKind: 'all-users' })).toEqual({ mode: 'complet', reason: 'file-all-users' });
    expect(adviseMode(SEPTEMBER, { exportKind: 'without-cas-only' })).toEqual({ mode: 'partiel', reason: 'file-without-cas' });
    expect(adviseMode(FEBRUARY, { exportKind: 'unknown' }).reason).toBe('in-year');
  });

  it('advises complet after a Pronote version change, whatever the file', () => {
    expect(adviseMode(FEBRUARY, { versionChanged: true, exportKind: 'without-cas-only' })).toEqual({ mode: 'complet', reason: 'version-changed' });
  });
});

describe('the stored mode once a file is loaded', () => {
  const fullFile = adviseMode(FEBRUARY, { exportKind: 'all-users' });

  it('follows the file while the admin has not chosen', () => {
    expect(modeToKeep({ mode: 'partiel', modeSource: 'advice' }, fullFile)).toEqual({ mode: 'complet', changed: true });
    expect(modeToKeep({ mode: 'complet', modeSource: 'advice' }, fullFile)).toEqual({ mode: 'complet', changed: false });
  });

  it('never overwrites the admin’s choice, nor a row stored before the choice was tracked', () => {
    expect(modeToKeep({ mode: 'partiel', modeSource: 'admin' }, fullFile)).toEqual({ mode: 'partiel', changed: false });
    expect(modeToKeep({ mode: 'partiel' }, fullFile)).toEqual({ mode: 'partiel', changed: false });
  });
});

describe('what the mode choice shows', () => {
  const advice = adviseMode(FEBRUARY, { exportKind: 'all-users' });

  it('shows the advice while nothing is chosen, with nothing to follow', () => {
    expect(modeShown(undefined, advice)).toEqual({ mode: 'complet', source: 'advice', differs: false });
  });

  it('shows the admin’s choice and offers the advice when they differ', () => {
    expect(modeShown('partiel', advice)).toEqual({ mode: 'partiel', source: 'admin', differs: true });
    expect(modeShown('complet', advice)).toEqual({ mode: 'complet', source: 'admin', differs: false });
  });
});
