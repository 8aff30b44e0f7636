import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMessage, MESSAGE_RULES } from '../../../lib/message-schemas';
import { type Message, type MessageType, type Sender, dispatch } from '../../../lib/messages';

const CONTENT: Sender = { tabId: 3, url: 'https://clg-exemple.monbureaunumerique.fr/admin/import.html' };
const PRONOTE_PAGE: Sender = { tabId: 5, url: 'https://0310047h.index-education.net/pronote/eleve.html?identifiant=zcnwsg5Z5G5MWZ92' };
// The CAS error page as Pronote shows it (seed §5 FAQ), read as `readPageText` reads it.
const CAS_ERROR_TEXT = `PRONOTE\nÉchec de l'authentification par le serveur CAS https://cas.monbureaunumerique.fr :
Le serveur CAS doit être configuré pour renvoyer un attribut "idPronote". Or aucun attribut n'a été renvoyé.`;
const PANEL: Sender = { url: 'chrome-extension://abc/sidepanel.html', extensionPage: true };
const FINDING = { id: 'cas-url-wrapped', severity: 'error', message: { fr: 'a', en: 'b' }, fix: { fr: 'c', en: 'd' }, field: 'casUrl' };
const ROW = { lastName: 'BERNARD', firstName: 'Charles Édouard', className: '3A' };

/** Per type: a sender it accepts, payloads it accepts, payloads it refuses. */
const CASES: { [T in MessageType]: { from: Sender; ok: unknown[]; bad: unknown[] } } = {
  'page/ready': {
    from: CONTENT,
    ok: [{ feature: 'hosting-console', url: 'https://hebergement.index-education.net/' }],
    bad: [{ feature: 'other', url: 'https://a.fr/' }, { feature: 'ent-admin', url: 'javascript:alert(1)' }, { feature: 'ent-admin' }, null],
  },
  'page/findings': {
    from: CONTENT,
    ok: [
      { url: 'https://a.fr/x', screen: 'ent-service+ent-access', findings: [FINDING] },
      { url: '', screen: 'none', findings: [] },
    ],
    bad: [
      { url: 'https://a.fr/', screen: 'x', findings: [{ ...FINDING, severity: 'fatal' }] },
      { url: 'https://a.fr/', screen: 'x', findings: [{ ...FINDING, extra: 1 }] },
      { url: 'https://a.fr/', screen: '<img>', findings: [] },
      { url: 'https://a.fr/', screen: 'x', findings: Array(101).fill(FINDING) },
      { url: 'https://a.fr/', screen: 'x', findings: [{ ...FINDING, message: { fr: 'x'.repeat(2001), en: '' } }] },
    ],
  },
  'panel/get-findings': { from: PANEL, ok: [{}, { tabId: 4 }], bad: [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '4' }] },
  'suggestions/marks': {
    from: CONTENT,
    ok: [
      { uai: '0482409H', rows: [ROW, { lastName: 'A', firstName: 'B' }] },
      { uai: '0482409h', rows: [] },
    ],
    bad: [
      { uai: '0482409H', rows: Array(501).fill(ROW) },
      { uai: 'lycée', rows: [ROW] },
      { rows: [ROW] },
      { uai: '0482409H', rows: [{ ...ROW, lastName: 'x'.repeat(101) }] },
      { uai: '0482409H', rows: [{ ...ROW, lastName: '' }] },
      { uai: '0482409H', rows: [{ ...ROW, birthDate: '2012-01-01' }] },
    ],
  },
  'suggestions/reveal': {
    from: CONTENT,
    ok: [{ uai: '0482409H', row: ROW }],
    bad: [
      { uai: '0482409H', row: [ROW] },
      { uai: '0482409H', names: [ROW] },
    ],
  },
  'rapprochement/loaded': { from: CONTENT, ok: [{}, { uai: '0310047H' }], bad: [{ uai: '03100' }, { uai: 4 }] },
  'instance/version': {
    from: CONTENT,
    ok: [{ url: 'https://0310047h.index-education.net/pronote/' }],
    bad: [{ url: 'file:///etc/passwd' }, { url: `https://a.fr/${'x'.repeat(2048)}` }, {}],
  },
  'instance/cas-seen': {
    from: CONTENT,
    ok: [{ root: 'https://0310047h.index-education.net/pronote/', casHost: 'cas.monbureaunumerique.fr' }],
    bad: [
      { root: 'https://a.fr/', casHost: 'https://cas.a.fr/' },
      { root: 'https://a.fr/', casHost: 'a b' },
    ],
  },
  'instance/cas-known': { from: CONTENT, ok: [{ root: 'https://0310047h.index-education.net/pronote/' }], bad: [{ root: 'ftp://a/' }] },
  'instance/diagnose-page': {
    from: PRONOTE_PAGE,
    ok: [
      { text: CAS_ERROR_TEXT, lang: 'fr' },
      { text: 'x'.repeat(20_000), lang: 'en' },
      { text: '', lang: 'fr' },
    ],
    bad: [
      { text: 'x'.repeat(20_001), lang: 'fr' },
      { text: CAS_ERROR_TEXT, lang: 'de' },
      { text: CAS_ERROR_TEXT },
      { text: CAS_ERROR_TEXT, lang: 'fr', url: 'https://a.fr/' },
      { text: 42, lang: 'fr' },
    ],
  },
  'instance/cas-host': { from: PANEL, ok: [{ root: 'https://0310047h.index-education.net/pronote/' }], bad: [{ root: '' }] },
};

const msg = (type: MessageType, payload: unknown) => ({ type, payload }) as Message;

describe('message schemas', () => {
  it('has a rule and test cases for every message type', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(MESSAGE_RULES).sort());
  });

  for (const [type, c] of Object.entries(CASES) as [MessageType, (typeof CASES)[MessageType]][]) {
    it(`${type}: accepts its shapes and refuses others`, () => {
      for (const p of c.ok) expect(checkMessage(msg(type, p), c.from), JSON.stringify(p)).toBeUndefined();
      for (const p of c.bad) expect(checkMessage(msg(type, p), c.from), JSON.stringify(p)?.slice(0, 80)).toMatch(/^payload: /);
    });
  }

  it('takes side-panel messages only from extension pages, page messages only from a web page’s tab', () => {
    expect(checkMessage(msg('panel/get-findings', {}), CONTENT)).toMatch(/^sender: content script not allowed/);
    expect(checkMessage(msg('instance/cas-host', { root: 'https://a.fr/' }), CONTENT)).toMatch(/^sender/);
    expect(checkMessage(msg('suggestions/reveal', { uai: '0482409H', row: ROW }), PANEL)).toMatch(/^sender: extension page/);
    expect(checkMessage(msg('suggestions/marks', { uai: '0482409H', rows: [] }), { url: CONTENT.url })).toMatch(/^sender: unknown/);
    // A tab whose page is not a web page (a file, another extension's page) is no content script of ours.
    expect(checkMessage(msg('suggestions/marks', { uai: '0482409H', rows: [] }), { tabId: 2, url: 'file:///tmp/a.html' })).toMatch(/^sender/);
    expect(checkMessage(msg('instance/cas-seen', { root: 'https://a.fr/', casHost: 'cas.a.fr' }), PANEL)).toBeUndefined();
  });

  it('takes a page diagnosis only from a content script of a hosted Pronote page', () => {
    const ask = msg('instance/diagnose-page', { text: CAS_ERROR_TEXT, lang: 'fr' });
    expect(checkMessage(ask, PRONOTE_PAGE)).toBeUndefined();
    expect(checkMessage(ask, { tabId: 5, url: 'https://0752536Z.INDEX-EDUCATION.net/pronote/mobile.parent.html' })).toBeUndefined();
    // An ENT page, the hosting console, a look-alike host, plain http, the side panel: refused.
    expect(checkMessage(ask, CONTENT)).toBe('sender: content script not allowed (pronote-page only)');
    expect(checkMessage(ask, { tabId: 5, url: 'https://hebergement.index-education.net/espace-client/' })).toMatch(/^sender: content script not allowed/);
    expect(checkMessage(ask, { tabId: 5, url: 'https://0310047h.index-education.net.example.org/pronote/' })).toMatch(/^sender/);
    expect(checkMessage(ask, { tabId: 5, url: 'http://0310047h.index-education.net/pronote/' })).toMatch(/^sender/);
    expect(checkMessage(ask, { tabId: 5, url: 'https://[x' })).toMatch(/^sender/);
    expect(checkMessage(ask, PANEL)).toMatch(/^sender: extension page not allowed/);
  });

  it('never puts a payload value in its reason', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 101, maxLength: 200 }), (name) => {
        const reason = checkMessage(msg('suggestions/reveal', { uai: '0482409H', row: { lastName: name, firstName: 'x' } }), CONTENT);
        return reason !== undefined && !reason.includes(name);
      }),
      { seed: 16, numRuns: 50 },
    );
  });

  it('dispatch answers a refused message with null, never runs its handler, and reports why', async () => {
    let ran = false;
    const refused: string[] = [];
    const handlers = {
      'panel/get-findings': () => {
        ran = true;
        return null;
      },
    };
    const answer = dispatch(handlers, msg('panel/get-findings', {}), CONTENT, checkMessage, (t, r) => refused.push(`${t}: ${r}`));
    await expect(answer).resolves.toBeNull();
    expect(ran).toBe(false);
    expect(refused).toEqual(['panel/get-findings: sender: content script not allowed (extension only)']);
  });
});
