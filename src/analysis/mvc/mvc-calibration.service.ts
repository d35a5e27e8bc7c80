import { DEFAULT_PROFILE_NAME, estimateMvc, getProcessingProfile, type MvcEstimate } from '@app/emg';
import { Injectable } from '@nestjs/common';
import { UnprocessableError, ValidationFailedError } from '../../shared/errors/app-error.js';
import { validateLenient } from '../../shared/validation/validate-lenient.js';
import { AnalysisRunner } from '../analysis-runner.js';
import { parseExistingWithParams } from '../existing-result.js';
import { withOriginalFileStatus } from '../original-status.js';
import { assertC3dUpload, type UploadedC3d } from '../uploaded-c3d.js';
import {
  DEFAULT_CALIBRATION_PERCENTAGE,
  MvcCalibrateFormDto,
  type MvcCalibrationDto,
  type MvcEstimationDto,
} from './mvc-calibration.dto.js';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type Source = 'full_resolution' | 'downsampled';

function estimationDto(
  e: MvcEstimate,
  fs: number,
  source: Source,
  profileName: string,
  now: Date,
): MvcEstimationDto {
  const { envelope } = getProcessingProfile(profileName);
  return {
    mvc_value: e.mvcValue,
    threshold_value: e.thresholdValue,
    threshold_percentage: e.thresholdPercentage,
    estimation_method: 'clinical_estimation',
    confidence_score: e.confidence,
    metadata: {
      signal_length_seconds: fs > 0 ? e.stats.samples / fs : null,
      signal_type: 'rms_envelope',
      envelope: `processed envelope of ${profileName} (high-pass ${envelope.highpassHz} Hz, rectified, low-pass ${envelope.lowpassHz} Hz, ${envelope.smoothingWindowMs} ms mean)`,
      processing_profile: profileName,
      signal_std: e.stats.std,
      signal_mean: e.stats.mean,
      percentile_95: e.stats.p95,
      percentile_90: e.stats.p90,
      percentile_99: e.stats.p99,
      estimation_algorithm: 'envelope_95th_percentile',
      source,
    },
    timestamp: now.toISOString(),
  };
}

/**
 * POST /mvc/calibrate as the original offered it, both of its forms: a C3D file (initial
 * calibration) or a previous /upload answer (recalibration). The estimate is the one the session
 * analysis uses, so `mvc_value` equals the /upload answer's MVC for the same file.
 */
@Injectable()
export class MvcCalibrationService {
  constructor(private readonly runner: AnalysisRunner) {}

  async calibrate(
    file: UploadedC3d | undefined,
    body: unknown,
    now = new Date(),
  ): Promise<MvcCalibrationDto> {
    if (file) return this.fromFile(file, body, now);
    if (isObj(body) && body.existing !== undefined) return this.fromExisting(body, now);
    throw new ValidationFailedError(
      'Invalid request format. Send either FormData with file or JSON with existing analysis.',
      undefined,
      'invalid_request_format',
    );
  }

  private async fromFile(file: UploadedC3d, body: unknown, now: Date): Promise<MvcCalibrationDto> {
    const form = validateLenient(MvcCalibrateFormDto, body, 'form');
    const pct = form.threshold_percentage ?? DEFAULT_CALIBRATION_PERCENTAGE;
    try {
      const bytes = assertC3dUpload(file);
      const profile = form.profile ?? DEFAULT_PROFILE_NAME;
      const { report, mvc } = await this.runner.analyze(bytes, {
        profile,
        params: { session_params: { session_mvc_threshold_percentage: pct } },
        mvcThresholdPercentage: pct,
      });
      const fs = report.metadata.sampling_rate ?? 0;
      const estimations: Record<string, MvcEstimationDto> = {};
      for (const [ch, e] of Object.entries(mvc ?? {}))
        estimations[ch] = estimationDto(e, fs, 'full_resolution', profile, now);
      return {
        status: 'success',
        calibration_type: 'initial',
        file_info: {
          filename: file.originalname,
          channels_processed: Object.keys(estimations),
          sampling_rate: fs || null,
        },
        mvc_estimations: estimations,
        user_id: form.user_id ?? null,
        session_id: form.session_id ?? null,
      };
    } catch (error) {
      throw withOriginalFileStatus(error);
    }
  }

  /**
   * From the processed envelope in the previous answer's "<channel> Processed" signal. At full
   * resolution the estimate is exact; from a downsampled signal the MVC value is the analysis' own
   * estimate when it estimated one (else the percentile of the points present) and the
   * confidence is computed on the points present (metadata.source says which).
   */
  private fromExisting(body: Record<string, unknown>, now: Date): MvcCalibrationDto {
    const { existing, sessionParams } = parseExistingWithParams(body, false);
    const pct = sessionParams.session_mvc_threshold_percentage ?? DEFAULT_CALIBRATION_PERCENTAGE;
    const estimations: Record<string, MvcEstimationDto> = {};
    let fs = 0;
    for (const [ch, a] of Object.entries(existing.analytics)) {
      const signal = existing.emgSignals[`${ch} Processed`];
      const data = isObj(signal) ? signal.data : undefined;
      if (
        !Array.isArray(data) ||
        data.length === 0 ||
        !data.every((v) => typeof v === 'number' && Number.isFinite(v))
      ) {
        throw new UnprocessableError(
          'invalid_existing',
          `existing: emg_signals["${ch} Processed"].data is missing: recalibration needs the processed envelope`,
        );
      }
      fs = typeof a.sampling_rate === 'number' ? a.sampling_rate : fs;
      const full = data.length === a.samples;
      const e = estimateMvc(data as number[], pct);
      if (!full && a.mvc_estimation_method === 'backend_estimation') {
        e.mvcValue = a.mvc_value;
        e.thresholdValue = (a.mvc_value * pct) / 100;
      }
      const dto = estimationDto(e, fs, full ? 'full_resolution' : 'downsampled', existing.profile, now);
      if (!full) dto.metadata.signal_length_seconds = fs > 0 ? a.samples / fs : null;
      estimations[ch] = dto;
    }
    return {
      status: 'success',
      calibration_type: 'recalibration',
      file_info: {
        filename: typeof existing.body.source_filename === 'string' ? existing.body.source_filename : '',
        channels_processed: Object.keys(estimations),
        sampling_rate: fs || null,
      },
      mvc_estimations: estimations,
    };
  }
}
