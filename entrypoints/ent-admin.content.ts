import { entAdmin } from '../features/ent-admin';
import { defineFeatureContentScript } from '../features/feature';

export default defineFeatureContentScript(entAdmin);
