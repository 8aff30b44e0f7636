import { render } from 'preact';
import { App } from '../../components/App';
import { uiLang } from '../../components/i18n';
import { ChecksPanel } from '../../components/checks/ChecksPanel';
import { DiagnosticPanel } from '../../components/diagnostic/DiagnosticPanel';
import './style.css';

document.documentElement.lang = uiLang();
const root = document.getElementById('app');
if (root) render(<App panels={{ checks: <ChecksPanel />, diagnostic: <DiagnosticPanel /> }} />, root);
