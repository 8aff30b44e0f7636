import { defineFeatureContentScript } from '../features/feature';
import { hostingConsole } from '../features/hosting-console';

export default defineFeatureContentScript(hostingConsole);
