import { browserSchoolEntSources } from '../../components/rapprochement/school-ent-sources';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/App';
import { Welcome } from '../../components/Welcome';
import { uiLang } from '../../components/i18n';
import { ChecksPanel } from '../../components/checks/ChecksPanel';
import { DiagnosticPanel } from '../../components/diagnostic/DiagnosticPanel';
import { Workbench } from '../../components/rapprochement/Workbench';
import './style.css';
import './targets.css';

// The matching worker: Vite bundles it from this URL (module worker, same origin: allowed by script-src 'self').
const createMatchingWorker = () => new Worker(new URL('./matching.worker.ts', import.meta.url), { type: 'module' });

// The panel's settings live in the extension's own storage (the rentrée ticks too).
const settings = {
  get: async (key: string) => (await browser.storage.local.get(key))[key],
  set: (key: string, value: unknown) => browser.storage.local.set({ [key]: value }),
};

document.documentElement.lang = uiLang();
const root = document.getElementById('app');
if (root)
  render(
    <App
      welcome={<Welcome store={settings} />}
      panels={{
        rapprochement: <Workbench createWorker={createMatchingWorker} schoolEntSources={browserSchoolEntSources} />,
        checks: <ChecksPanel />,
        diagnostic: <DiagnosticPanel store={settings} />,
      }}
    />,
    root,
  );
