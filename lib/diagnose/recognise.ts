/**
 * Recognises the known failures in text that a person pasted (an error page copied from the
 * browser, a mail, a ticket). Tolerant by design: accents lost, quotes changed, lines broken,
 * the seed's placeholder CAS host replaced by the real one, only part of the message copied.
 */
import { type EntProject, knownHost } from '../catalogue';
import { directUrl } from '../pronote/url';
import { foldProse } from '../core/fold';
import { type FailureId, KNOWN_FAILURES } from './known-failures';
import { namesPronote, readPastedUrl } from './pasted-url';

/** One recognised failure. `score` ≥ 1; `evidence` holds the folded fragments that matched. */
export interface Recognition {
  id: FailureId;
  score: number;
  evidence: string[];
}

export interface RecognitionResult {
  /** Recognised failures, the most likely first; empty when nothing is recognised. */
  matches: Recognition[];
  /** The CAS server named in the message (`Échec de l'authentification par le serveur CAS <url>`). */
  casUrl?: string;
  /** The attribute that Pronote expected (`renvoyer un attribut "<name>"`), as written. */
  attributeName?: string;
  /**
   * The direct access (`<root>?login=true`) of the Pronote address quoted in the text, if any: a URL
   * on `*.index-education.net` or with a `/pronote/` path (seed §5 FAQ).
   */
  directUrl?: string;
  /**
   * Pronote's own error, as quoted: a numbered error of the knowledge base (`21 | Impossible
   * d'afficher la page`), or the `Titre` of a JSON `{"Erreur":{"G":14,"Titre":"La page a expiré ! (7)"}}`
   * (bain3/pronotepy issue 267), JSON escapes decoded.
   */
  pronoteError?: { number?: number; text: string };
  /** The first ENT or CAS login host of the catalogue quoted in the text, with its project. */
  entLogin?: { host: string; project: EntProject };
}

const THRESHOLD = 1;

/**
 * Reads `text` and returns the known failures it shows (DOMAIN.md, "Known failures in the field").
 * Each failure's signals are weighed on the folded text; a failure is recognised when its weights
 * add up to 1 or more. Also extracts the CAS server URL and the expected attribute name of the
 * idPronote message (seed §5 FAQ). Never throws; empty or unrelated text gives no match.
 */
export function recogniseText(input: string): RecognitionResult {
  // Pronote's JSON answers, pasted from logs, escape accents (`expir\u00E9`).
  const text = (input ?? '').replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const folded = foldProse(text);
  const matches: Recognition[] = [];
  for (const failure of KNOWN_FAILURES) {
    let score = 0;
    const evidence: string[] = [];
    for (const signal of failure.signals) {
      const m = signal.pattern.exec(folded);
      if (m) {
        score += signal.weight;
        evidence.push(m[0]);
      }
    }
    if (score >= THRESHOLD) matches.push({ id: failure.id, score: Math.round(score * 100) / 100, evidence });
  }
  matches.sort((a, b) => b.score - a.score);
  return { matches, ...extractCasUrl(text), ...extractAttributeName(text), ...extractUrls(text), ...extractPronoteError(text, folded) };
}

function extractPronoteError(text: string, folded: string): { pronoteError?: { number?: number; text: string } } {
  for (const failure of KNOWN_FAILURES) {
    for (const e of failure.pronoteErrors ?? []) {
      const words = foldProse(e.text);
      if (new RegExp(`\\b${e.number} ?\\| ?${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(folded))
        return { pronoteError: { number: e.number, text: e.text } };
    }
  }
  const title = /"Titre"\s*:\s*"([^"]{1,120})"/i.exec(text);
  if (title) {
    const g = /"G"\s*:\s*(\d+)/.exec(text);
    return { pronoteError: { ...(g ? { number: Number(g[1]) } : {}), text: title[1] } };
  }
  return {};
}

// The Pronote address quoted in the text, read through login pages (`service=`, `callback=`) and
// wrappers as the instance check reads it; and the first ENT login host quoted.
function extractUrls(text: string): Pick<RecognitionResult, 'directUrl' | 'entLogin'> {
  const out: Pick<RecognitionResult, 'directUrl' | 'entLogin'> = {};
  for (const m of text.matchAll(/https?:\/\/[^\s"'«»<>`]+/gi)) {
    const url = m[0].replace(/[.,;:)\]]+$/, '');
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    const known = knownHost(parsed.hostname);
    if (!out.entLogin && known) out.entLogin = { host: known.host.host, project: known.project };
    if (!out.directUrl) {
      const read = readPastedUrl(url);
      // Only an address that names Pronote by itself: an unknown host alone is no evidence here.
      if (read.kind === 'pronote' && parsed.hostname.toLowerCase() !== 'hebergement.index-education.net') {
        let final: URL | undefined;
        try {
          final = new URL(read.url);
        } catch {
          final = undefined;
        }
        if (final && namesPronote(final)) out.directUrl = directUrl(read.url);
      }
    }
  }
  return out;
}

// Runs on the raw text so that the URL keeps its case; the separator before it may have been folded
// away by a copy, so any run of spaces or a line break is accepted.
function extractCasUrl(text: string): { casUrl?: string } {
  const m = /serveur\s+CAS\s+(https?:\/\/[^\s"'«»<>]+)/i.exec(text.normalize('NFC'));
  if (!m) return {};
  return { casUrl: m[1].replace(/[\s:.,;)]+$/, '') };
}

function extractAttributeName(text: string): { attributeName?: string } {
  const m = /renvoyer\s+un\s+attribut\s*["«“”']?\s*([A-Za-z][\w.:-]*)/i.exec(text);
  return m ? { attributeName: m[1] } : {};
}
