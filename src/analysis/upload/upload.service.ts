import { Injectable } from '@nestjs/common';
import { AnalysisRunner } from '../analysis-runner.js';
import { toAnalysisParams } from '../dto/analysis-params.dto.js';
import type { EmgAnalysisResultDto } from '../dto/emg-analysis-result.dto.js';
import { toEmgAnalysisResult } from '../emg-analysis-result.js';
import { assertKnownChannels } from '../channel-maps.js';
import { withOriginalFileStatus } from '../original-status.js';
import { assertC3dUpload, type UploadedC3d } from '../uploaded-c3d.js';
import { DEFAULT_MAX_POINTS, type UploadFormDto } from './upload-form.dto.js';

/** Stateless analysis (POST /upload): nothing is stored. */
@Injectable()
export class UploadService {
  constructor(private readonly runner: AnalysisRunner) {}

  async analyze(file: UploadedC3d | undefined, form: UploadFormDto): Promise<EmgAnalysisResultDto> {
    try {
      const bytes = assertC3dUpload(file);
      const params = toAnalysisParams(form);
      const { report, signals } = await this.runner.analyze(bytes, {
        params,
        profile: form.profile,
        signalsMaxPoints:
          form.include_signals === false ? undefined : (form.max_points ?? DEFAULT_MAX_POINTS),
      });
      const sp = params.session_params ?? {};
      assertKnownChannels(sp, [...Object.keys(report.analytics), ...Object.keys(report.channel_errors)]);
      return toEmgAnalysisResult(report, signals, {
        sourceFilename: form.filename ?? file!.originalname,
        sessionParams: sp,
        userId: form.user_id,
        patientId: form.patient_id,
        sessionId: form.session_id,
        channelMuscleMapping: form.channel_muscle_mapping,
        muscleColorMapping: form.muscle_color_mapping,
      });
    } catch (error) {
      throw withOriginalFileStatus(error);
    }
  }
}
