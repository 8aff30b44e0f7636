/**
 * The store screenshots (issue 18, point 1): what each shows and the file it is written to, in
 * each language. The stores take 1280×800 (Chrome Web Store's size; Edge Add-ons and
 * addons.mozilla.org accept it). `docs/store/README.md` lists the files;
 * `test/unit/demo/store-screenshots.test.ts` checks that the folder holds exactly these.
 */
import type { Lang } from '../../components/i18n';

/** The stores' screenshot size, CSS px at device scale 1 (so the PNG is 1280×800 pixels). */
export const STORE_SIZE = { width: 1280, height: 800 } as const;

/** The side panel's width when shown beside a page: a side panel as Chrome opens it, widened a little. */
export const PANEL_WIDTH = 420;

/** Scene names, in the order of the listing. */
export const SCENES = ['hosting-console', 'rapprochement-step', 'results', 'diagnostic'] as const;
export type Scene = (typeof SCENES)[number];

/** The languages shot, with the browser language that makes the UI speak each. */
export const SHOT_LANGS: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** `fr-1-hosting-console.png`: language, place in the listing, scene. */
export function shotFileName(lang: Lang, scene: Scene): string {
  return `${lang}-${SCENES.indexOf(scene) + 1}-${scene}.png`;
}

/** Every file the script writes, French first. */
export function allShotFiles(): string[] {
  return (Object.keys(SHOT_LANGS) as Lang[]).flatMap((lang) => SCENES.map((scene) => shotFileName(lang, scene)));
}
