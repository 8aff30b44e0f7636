import { render } from 'preact';
import { PrivacyPage } from '../../components/privacy/PrivacyPage';
import policy from '../../PRIVACY.md?raw';
import './style.css';

const root = document.getElementById('app');
if (root) render(<PrivacyPage markdown={policy} />, root);
