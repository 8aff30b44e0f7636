/**
 * Which catalogue project a web page's host belongs to (issue 16: a school's suggestions are shown
 * only on its ENT project's hosts). Pure: no browser API.
 */
import { ENT_PROJECTS, type EntProject } from './projects';

/**
 * The project whose web domains hold `host` (the host itself or a subdomain), the most specific
 * domain winning: `clg.pdl.kosmoseducation.com` is Ent Kosmos (`pdl.kosmoseducation.com`), not
 * AEFE (`kosmoseducation.com`). Case-insensitive; a trailing dot is ignored. `undefined` when no
 * project's domains hold it.
 */
export function projectForWebHost(host: string): EntProject | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  let best: { project: EntProject; length: number } | undefined;
  for (const project of ENT_PROJECTS) {
    for (const domain of project.webDomains) {
      const d = domain.toLowerCase();
      if ((h === d || h.endsWith(`.${d}`)) && (!best || d.length > best.length)) best = { project, length: d.length };
    }
  }
  return best?.project;
}
