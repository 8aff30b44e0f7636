/**
 * The demo's Pronote instances (`npm start`), answering the public instance description as a
 * Pronote.net server does (DOMAIN.md "Pronote URLs"): `GET <root>infoMobileApp.json?id=…` gives
 * `nomEtab`, `version`, `date`, `espaces[{nom, URL, avecDelegation, protocole}]` and
 * `CAS{actif, casURL, jetonCAS}`, a new `jetonCAS` at each call (Pawnote.js
 * `src/decoders/instance.ts`; LiterateInk/Pawnote `rust` branch `instance_information.rs`); an
 * instance whose base is not published answers 503 (Index Éducation support sheet 1523). The root's
 * case varies between schools (`/Pronote/`, `/pronote/`), so it is matched without case.
 *
 * The demo school is the one the demo pages show: 0310047H, whose Pronote espaces are served
 * (`test/fixtures/sites/0310047h.index-education.net/pronote/`), published by the hosting console's
 * delegation screen, and whose ENT is Mon Bureau Numérique (seed §1: the delegation to the ENT's
 * CAS). 0752536Z, the instance of the ENT's read-only service summary, is not published.
 * Test and demo only: nothing of it ships in the extension.
 */
import { randomBytes } from 'node:crypto';
import type { Route } from './sites-server';

/** The demo's landing page (`test/fixtures/sites/demo.passerelle.test/`), which links every demo screen. */
export const DEMO_LANDING = 'https://demo.passerelle.test/';

/** The demo school's instance: its host, what it says about itself. */
export const DEMO_SCHOOL = {
  uai: '0310047H',
  host: '0310047h.index-education.net',
  name: 'COLLEGE JEAN JAURES',
  version: [2024, 3, 7, 1],
  casUrl: 'https://cas.monbureaunumerique.fr/',
} as const;

/** An instance the demo serves as not published (HTTP 503). */
export const DEMO_UNPUBLISHED_HOST = '0752536z.index-education.net';

/** The description the demo school's server gives, with a fresh CAS token and today's date. */
export function demoInstanceInfo(now: Date = new Date()): Record<string, unknown> {
  return {
    version: [...DEMO_SCHOOL.version],
    date: now.toISOString().slice(0, 10),
    CAS: { actif: true, casURL: DEMO_SCHOOL.casUrl, jetonCAS: randomBytes(16).toString('hex') },
    espaces: [
      { nom: 'Espace Professeurs', URL: 'professeur.html', avecDelegation: true, protocole: 'CAS' },
      { nom: 'Espace Élèves', URL: 'eleve.html', avecDelegation: true, protocole: 'CAS' },
      { nom: 'Espace Parents', URL: 'parent.html', avecDelegation: true, protocole: 'CAS' },
    ],
    nomEtab: DEMO_SCHOOL.name,
  };
}

/** Answers `infoMobileApp.json` for the demo's instances; other requests go on to the static files. */
export const demoInstanceRoute: Route = (_req, res, url) => {
  if (url.pathname.toLowerCase() !== '/pronote/infomobileapp.json') return false;
  if (url.hostname === DEMO_UNPUBLISHED_HOST) {
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Service Unavailable</h1>');
    return true;
  }
  if (url.hostname !== DEMO_SCHOOL.host) return false;
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(demoInstanceInfo()));
  return true;
};
