import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AnalysisInputError, AnalysisRunner } from './analysis-runner.js';
import { toAnalysisParams } from './dto/analysis-params.dto.js';
import { DEFAULT_MAX_POINTS, type UploadFormDto, type UploadResultDto } from './dto/upload.dto.js';
import { assertC3dUpload, toUnprocessable, type UploadedC3d } from './uploaded-c3d.js';

/** Stateless analysis (POST /upload): nothing is stored. */
@Injectable()
export class AnalysisService {
  constructor(private readonly runner: AnalysisRunner) {}

  async analyzeUpload(file: UploadedC3d | undefined, form: UploadFormDto): Promise<UploadResultDto> {
    const bytes = assertC3dUpload(file);
    try {
      const { report, signals } = await this.runner.analyze(bytes, {
        params: toAnalysisParams(form),
        signalsMaxPoints: form.include_signals ? (form.max_points ?? DEFAULT_MAX_POINTS) : undefined,
      });
      const result: UploadResultDto = {
        file_id: randomUUID(),
        source_filename: file!.originalname,
        ...report,
        user_id: form.user_id ?? null,
        patient_id: form.patient_id ?? null,
        session_id: form.session_id ?? null,
      } as unknown as UploadResultDto;
      if (signals) result.emg_signals = signals;
      return result;
    } catch (error) {
      if (error instanceof AnalysisInputError) throw toUnprocessable(error);
      throw error;
    }
  }
}
