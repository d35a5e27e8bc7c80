/** `--params PARAMS.json` of analyze and report: the upload's analysis parameters, validated. */
import { readFileSync } from 'node:fs';
import {
  AnalysisError,
  normalizeAnalysisParams,
  validateAnalysisParams,
  type AnalysisParams,
} from '@app/analysis';

/** The parameters in the file (none given: the defaults); invalid ones throw invalid_params. */
export function loadParams(path: string | undefined): AnalysisParams {
  if (!path) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const problems = validateAnalysisParams(parsed);
  if (problems.length) throw new AnalysisError('invalid_params', `${path}: ${problems.join('; ')}`);
  return normalizeAnalysisParams(parsed as AnalysisParams);
}
