import { defineFeatureContentScript } from '../features/feature';
import { pronoteDiagnosis } from '../features/pronote-diagnosis';

export default defineFeatureContentScript(pronoteDiagnosis);
