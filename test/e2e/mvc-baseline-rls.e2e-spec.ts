// RLS of patient_mvc_baselines on PGlite (the suite: mvc-baseline-rls.suite.ts).
import { describeMvcBaselineRls } from './mvc-baseline-rls.suite.js';

describeMvcBaselineRls('PGlite');
