/**
 * The CAS delegation settings of a Pronote.net instance, as read on the hosting console or typed
 * by hand in the side panel (PRODUCT.md §1). Every field is optional: a screen shows some of them,
 * and a missing field means "not seen", never "empty" (an empty field reads as `''`).
 */

/** How Pronote recognises a user arriving from the CAS (DOMAIN.md, "three modes"). */
export type RecognitionMode = 'identity' | 'pronote-identity' | 'double-auth' | 'unknown';

export interface HostingSettings {
  /** *Définir une délégation CAS* checked (or, on *Intégration dans un ENT*, an ENT chosen in *Mon ENT*). */
  delegation?: boolean;
  /** The ENT project chosen (list of projects behind the gear, or *Mon ENT*), as shown. */
  project?: string;
  /** *URL du serveur CAS*, as typed. */
  casUrl?: string;
  /** *Type de reconnaissance de l'utilisateur*. */
  recognitionMode?: RecognitionMode;
  /** The mode's text as shown, for the messages. */
  recognitionModeLabel?: string;
  /** The CAS attribute carrying the Pronote identifier (identité PRONOTE mode). */
  attributeName?: string;
  /** *Racine* of the publication parameters. */
  racine?: string;
  /** The base is published (*Arrêter la publication* offered) or not (*Publier la base* offered). */
  published?: boolean;
  /** The school's Pronote address (root or any page of it). */
  pronoteUrl?: string;
}

export type HostingField = keyof HostingSettings;

/**
 * Reads the recognition mode from its visible text (Guide pratique PRONOTE 2019, p. 131, as
 * quoted in DOMAIN.md): *Avec l'identité PRONOTE de l'utilisateur*, *Avec l'identité de
 * l'utilisateur*, *Par double authentification*. Case and accents do not matter.
 */
export function recognitionModeFromText(text: string): RecognitionMode {
  const t = (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (/double\s+authentification/.test(t)) return 'double-auth';
  if (/identite\s+pronote/.test(t)) return 'pronote-identity';
  if (/identite/.test(t)) return 'identity';
  return 'unknown';
}
