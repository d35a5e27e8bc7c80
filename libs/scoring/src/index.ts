// @app/scoring: the clinical performance scores as pure functions.
export { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig, type ScoringWeights } from './config.js';
export { muscleCompliance, type MuscleCounts, type MuscleCompliance } from './muscle-compliance.js';
export {
  bfrGate,
  symmetryScore,
  effortScore,
  gameScore,
  overallScore,
  type WeightedComponent,
} from './components.js';
export {
  calculatePerformanceScores,
  weightsReport,
  type PerformanceScores,
  type SessionScoreInput,
  type SubjectiveInputs,
  type WeightsReport,
} from './performance.js';
export {
  calculateAdherence,
  protocolDay,
  type AdherenceOptions,
  type AdherenceResult,
  type AdherenceCategory,
} from './adherence.js';
