/**
 * The real host names that the end-to-end tests serve locally (mapped to 127.0.0.1 by Chromium).
 * Add a host here when a test needs a page under a new name.
 */
export const E2E_HOSTS = [
  'hebergement.index-education.net',
  '0310047h.index-education.net',
  '0752536z.index-education.net',
  'cas.monbureaunumerique.fr',
  'clg-exemple.monbureaunumerique.fr',
  'www.monbureaunumerique.fr',
  // Another catalogue project's ENT host (issue 16: the hostile page off the school's ENT).
  'clg-exemple.mon-ent-occitanie.fr',
  'pronote.college-exemple.fr',
  // The demo's landing page (`npm start`): a reserved .test name, matched by no content script.
  'demo.passerelle.test',
];
