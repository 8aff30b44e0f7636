import { browserSchoolEntSources } from '../../components/rapprochement/school-ent-sources';
import { render } from 'preact';
import { App } from '../../components/App';
import { uiLang } from '../../components/i18n';
import { ChecksPanel } from '../../components/checks/ChecksPanel';
import { DiagnosticPanel } from '../../components/diagnostic/DiagnosticPanel';
import { Workbench } from '../../components/rapprochement/Workbench';
import './style.css';
import './targets.css';

// The matching worker: Vite bundles it from this URL (module worker, same origin: allowed by script-src 'self').
const createMatchingWorker = () => new Worker(new URL('./matching.worker.ts', import.meta.url), { type: 'module' });

document.documentElement.lang = uiLang();
const root = document.getElementById('app');
if (root) render(<App panels={{ rapprochement: <Workbench createWorker={createMatchingWorker} schoolEntSources={browserSchoolEntSources} />, checks: <ChecksPanel />, diagnostic: <DiagnosticPanel /> }} />, root);
