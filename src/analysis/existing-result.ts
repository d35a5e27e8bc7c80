// Checks the `existing` member of POST /analysis/recalc and POST /mvc/calibrate (JSON): a previous
// POST /upload answer that the client posts back. Only what the re-evaluation reads is checked,
// by hand and in one pass (the body can be a hundred megabytes of signals: it is never walked by
// class-transformer); everything else is carried over as the client sent it.
import type { ChannelAnalyticsReport, SessionParams } from '@app/analysis';
import { DEFAULT_PROFILE_NAME, PROFILE_NAMES } from '@app/emg';
import { UnprocessableError } from '../shared/errors/app-error.js';
import { validateLenient } from '../shared/validation/validate-lenient.js';
import { assertKnownChannels } from './channel-maps.js';
import { toAnalysisParams } from './dto/analysis-params.dto.js';
import { ClientSessionParamsDto } from './dto/client-session-params.dto.js';

const CHANNEL = /^[\w .:-]{1,64}$/;
const MAX_CHANNELS = 32;
const MAX_CONTRACTIONS = 100_000;
const METHODS = new Set(['user_provided', 'global_provided', 'backend_estimation']);

export interface ExistingResult {
  /** The whole object as sent. */
  body: Record<string, unknown>;
  /** The processing profile the previous answer names (a registered one), else the default. */
  profile: string;
  analytics: Record<string, ChannelAnalyticsReport>;
  emgSignals: Record<string, unknown>;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function invalid(message: string): UnprocessableError {
  return new UnprocessableError('invalid_existing', `existing: ${message} (send a previous /upload answer)`);
}

function checkChannel(name: string, a: unknown): ChannelAnalyticsReport {
  if (!isObj(a)) throw invalid(`analytics.${name} must be an object`);
  if (!Array.isArray(a.contractions) || a.contractions.length > MAX_CONTRACTIONS) {
    throw invalid(`analytics.${name}.contractions must be an array of at most ${MAX_CONTRACTIONS}`);
  }
  a.contractions.forEach((c: unknown, i) => {
    if (!isObj(c) || !isNum(c.max_amplitude) || !isNum(c.duration_ms) || c.duration_ms < 0) {
      throw invalid(`analytics.${name}.contractions[${i}] needs numeric max_amplitude and duration_ms`);
    }
  });
  if (!isNum(a.mvc_value) || a.mvc_value < 0)
    throw invalid(`analytics.${name}.mvc_value must be a number >= 0`);
  if (a.mvc_estimation_method !== undefined && !METHODS.has(a.mvc_estimation_method as string)) {
    throw invalid(`analytics.${name}.mvc_estimation_method is not one of ${[...METHODS].join(', ')}`);
  }
  return a as unknown as ChannelAnalyticsReport;
}

export function parseExistingResult(value: unknown, options: { requireSignals: boolean }): ExistingResult {
  if (!isObj(value)) throw invalid('missing or not an object');
  const analytics = value.analytics;
  if (!isObj(analytics) || Object.keys(analytics).length === 0) throw invalid('has no analytics');
  const names = Object.keys(analytics);
  if (names.length > MAX_CHANNELS || !names.every((n) => CHANNEL.test(n))) {
    throw invalid(`analytics must have at most ${MAX_CHANNELS} channels with plain names`);
  }
  const checked: Record<string, ChannelAnalyticsReport> = {};
  for (const name of names) checked[name] = checkChannel(name, analytics[name]);
  const signals = value.emg_signals;
  if (options.requireSignals && !isObj(signals)) throw invalid('has no emg_signals');
  const named = isObj(value.processing_profile) ? value.processing_profile.name : undefined;
  const profile =
    typeof named === 'string' && (PROFILE_NAMES as readonly string[]).includes(named)
      ? named
      : DEFAULT_PROFILE_NAME;
  return { body: value, profile, analytics: checked, emgSignals: isObj(signals) ? signals : {} };
}

/** The `{existing, session_params}` body of the original's recalc and recalibration calls. */
export interface ExistingWithParams {
  existing: ExistingResult;
  params: ClientSessionParamsDto;
  sessionParams: SessionParams;
}

export function parseExistingWithParams(body: unknown, requireSignals: boolean): ExistingWithParams {
  if (!isObj(body)) {
    throw new UnprocessableError(
      'invalid_body',
      'Send JSON {"existing": <a previous /upload answer>, "session_params": {...}}',
    );
  }
  const existing = parseExistingResult(body.existing, { requireSignals });
  const params = validateLenient(ClientSessionParamsDto, body.session_params, 'session_params');
  const sessionParams = toAnalysisParams(params).session_params ?? {};
  assertKnownChannels(sessionParams, Object.keys(existing.analytics));
  return { existing, params, sessionParams };
}
