/**
 * Rules for the *accès population* tab of the ENT's Pronote.net service (PRODUCT.md §2; seed
 * section 3: the role « accès au service » per profile; the box « service anonyme » shows the
 * service to everyone, logged out, but without SSO). Pure: snapshot in, findings out.
 */
import type { EntAccessSnapshot } from '../pages/ent-access';
import type { Finding } from './finding';

/** What the rules judge of *accès population*: its snapshot, values only. */
export type EntAccessSettings = EntAccessSnapshot;

/**
 * `access-role-missing` (warning), one per profile that does not hold *accès au service*: its
 * users do not see Pronote.net in the ENT. Field `access:<profile>`.
 */
export function checkAccessRoles(settings: EntAccessSettings): Finding[] {
  return settings.profiles
    .filter((p) => !p.hasAccess)
    .map((p) => ({
      id: 'access-role-missing',
      severity: 'warning' as const,
      field: `access:${p.profile}`,
      message: {
        fr: `Le profil «\u202f${p.profile}\u202f» n’a pas le rôle «\u202faccès au service\u202f»\u202f: ces utilisateurs ne verront pas Pronote.net dans l’ENT.`,
        en: `The profile “${p.profile}” does not hold the role “accès au service”: these users will not see Pronote.net in the ENT.`,
      },
      fix: {
        fr: `Si ces utilisateurs doivent ouvrir Pronote depuis l’ENT, ajoutez le rôle «\u202faccès au service\u202f» au profil «\u202f${p.profile}\u202f» dans l’onglet «\u202faccès population\u202f».`,
        en: `If these users should open Pronote from the ENT, add the role “accès au service” to the profile “${p.profile}” in the “accès population” tab.`,
      },
    }));
}

/**
 * `service-anonymous` (warning): « service anonyme » is checked, so the service is shown to
 * everyone, logged out, without SSO (seed section 3).
 */
export function checkAnonymous(settings: EntAccessSettings): Finding[] {
  if (settings.anonymous !== true) return [];
  return [
    {
      id: 'service-anonymous',
      severity: 'warning',
      field: 'anonymous',
      message: {
        fr: 'La case «\u202fservice anonyme\u202f» est cochée\u202f: le service est montré à tous, même déconnectés, mais sans connexion unique (SSO) vers Pronote.',
        en: 'The box “service anonyme” is checked: the service is shown to everyone, even logged out, but without single sign-on (SSO) to Pronote.',
      },
      fix: {
        fr: 'Décochez «\u202fservice anonyme\u202f» et donnez plutôt le rôle «\u202faccès au service\u202f» aux profils concernés.',
        en: 'Uncheck “service anonyme” and give the role “accès au service” to the profiles concerned instead.',
      },
    },
  ];
}

/** Every rule of the *accès population* tab. */
export function checkEntAccess(settings: EntAccessSettings): Finding[] {
  return [...checkAnonymous(settings), ...checkAccessRoles(settings)];
}
