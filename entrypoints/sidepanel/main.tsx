import { render } from 'preact';
import { App } from '../../components/App';
import { uiLang } from '../../components/i18n';
import { DiagnosticPanel } from '../../components/diagnostic/DiagnosticPanel';
import './style.css';

document.documentElement.lang = uiLang();
const root = document.getElementById('app');
if (root) render(<App panels={{ diagnostic: <DiagnosticPanel /> }} />, root);
