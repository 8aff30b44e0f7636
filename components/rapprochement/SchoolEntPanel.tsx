/**
 * « ENT de l'établissement » (issue 16): the ENT project on which the import wizard may show this
 * school's suggestions. Proposed from the instance check's CAS host (the Pronote of the school
 * redirects to its ENT's CAS) or from the catalogue project whose web domains hold the active
 * tab; always confirmed by the admin. A host outside the catalogue (an ENT turned on through
 * « Activer sur cet onglet ») counts only once the admin ticks that it is the school's ENT here.
 */
import { useEffect, useState } from 'preact/hooks';
import { ENT_PROJECTS, projectForCasUrl } from '../../lib/catalogue';
import { projectForWebHost } from '../../lib/catalogue/web-host';
import type { PasserelleDB, Rapprochement } from '../../lib/store';
import { hostKey, setSchoolEnt } from '../../lib/store/school-ent';
import { t } from '../i18n';

/** Where the proposals come from (the entry point gives the browser's; tests give their own). */
export interface SchoolEntSources {
  /** Host name of the active tab's page; undefined when not readable. */
  activeTabHost(): Promise<string | undefined>;
  /** CAS host an instance check saw for school `uai`'s Pronote; undefined when none. */
  casHost(uai: string): Promise<string | undefined>;
}

interface Proposal {
  projectId: string;
  from: 'cas' | 'tab';
}

export function SchoolEntPanel({
  db,
  r,
  sources,
  onChange,
}: {
  db: PasserelleDB;
  r: Rapprochement;
  sources: SchoolEntSources;
  onChange: (r: Rapprochement) => void;
}) {
  const [editing, setEditing] = useState(!r.schoolEnt);
  const [tabHost, setTabHost] = useState<string | undefined>();
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [projectId, setProjectId] = useState(r.schoolEnt?.projectId ?? '');
  const [addTab, setAddTab] = useState(false);
  // What is stored: shown at once after the confirmation, before the parent passes the new record.
  const [ent, setEnt] = useState(r.schoolEnt);

  useEffect(() => {
    if (!editing) return;
    let live = true;
    (async () => {
      const [host, cas] = await Promise.all([sources.activeTabHost().catch(() => undefined), sources.casHost(r.uai).catch(() => undefined)]);
      if (!live) return;
      const h = host ? hostKey(host) : undefined;
      setTabHost(h);
      const fromCas = cas ? projectForCasUrl(`https://${cas}`) : undefined;
      const fromTab = h ? projectForWebHost(h) : undefined;
      const p = fromCas ? { projectId: fromCas.id, from: 'cas' as const } : fromTab ? { projectId: fromTab.id, from: 'tab' as const } : undefined;
      setProposal(p);
      if (p && !ent?.projectId) setProjectId((current) => current || p.projectId);
    })();
    return () => {
      live = false;
    };
  }, [editing, r.uai, ent, sources]);

  const projectName = (id?: string) => ENT_PROJECTS.find((p) => p.id === id)?.name;
  if (!editing && ent) {
    return (
      <section class="wb-card wb-school-ent" aria-labelledby="wb-school-ent-title" data-school-ent={ent.projectId ?? ''}>
        <h2 id="wb-school-ent-title">{t('wbSchoolEntTitle')}</h2>
        <p class="wb-hint">{t('wbSchoolEntSet', [[projectName(ent.projectId), ...ent.hosts].filter(Boolean).join(', ')])}</p>
        <button type="button" onClick={() => setEditing(true)}>
          {t('wbSchoolEntChange')}
        </button>
      </section>
    );
  }
  // A tab outside the catalogue may be added as one of the school's ENT hosts, never silently.
  const tabOutside = tabHost && !projectForWebHost(tabHost) && /\./.test(tabHost) ? tabHost : undefined;
  return (
    <section class="wb-card wb-school-ent" aria-labelledby="wb-school-ent-title">
      <h2 id="wb-school-ent-title">{t('wbSchoolEntTitle')}</h2>
      <p class="wb-hint">{t('wbSchoolEntWhy')}</p>
      <label>
        {t('wbSchoolEntProject')}
        <select value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>
          <option value="">{t('wbSchoolEntNone')}</option>
          {ENT_PROJECTS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {proposal && (
        <p class="wb-hint" data-proposed={proposal.projectId}>
          {t(proposal.from === 'cas' ? 'wbSchoolEntFromCas' : 'wbSchoolEntFromTab', [projectName(proposal.projectId) ?? ''])}
        </p>
      )}
      {tabOutside && (
        <label class="wb-inline">
          <input type="checkbox" checked={addTab} onChange={(e) => setAddTab(e.currentTarget.checked)} />
          {t('wbSchoolEntAddHost', [tabOutside])}
        </label>
      )}
      <button
        type="button"
        class="wb-primary"
        disabled={!projectId && !(tabOutside && addTab)}
        onClick={async () => {
          const hosts = [...(ent?.hosts ?? []), ...(tabOutside && addTab ? [tabOutside] : [])];
          const schoolEnt = await setSchoolEnt(db, r.id!, { projectId: projectId || undefined, hosts });
          setEnt(schoolEnt);
          setAddTab(false);
          setEditing(false);
          onChange({ ...r, schoolEnt });
        }}
      >
        {t('wbSchoolEntConfirm')}
      </button>
    </section>
  );
}
