import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { ScoringConfigModule } from '../scoring-config/scoring-config.module.js';
import { AppConfig } from '../shared/config/app-config.js';
import { AnalysisRunner } from './analysis-runner.js';
import { ThreadPoolAnalysisRunner } from './thread-pool-runner.js';
import { ConfigDefaultsController } from './config-defaults/config-defaults.controller.js';
import { ConfigDefaultsService } from './config-defaults/config-defaults.service.js';
import { MvcCalibrationService } from './mvc/mvc-calibration.service.js';
import { MvcController } from './mvc/mvc.controller.js';
import { RecalcController } from './recalc/recalc.controller.js';
import { RecalcService } from './recalc/recalc.service.js';
import { UploadController } from './upload/upload.controller.js';
import { UploadService } from './upload/upload.service.js';

/** Uploads are held in memory (C3D files are a few MB) and capped at MAX_UPLOAD_BYTES -> 413. */
export const uploadMultipartModule = () =>
  MultipartModule.registerAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => ({
      limits: { fileSize: config.env.MAX_UPLOAD_BYTES, files: 1, fields: 100 },
    }),
  });

class RunnerCloser implements OnApplicationShutdown {
  constructor(private readonly runner: AnalysisRunner) {}
  async onApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }
}

@Module({
  imports: [uploadMultipartModule(), ScoringConfigModule],
  controllers: [UploadController, RecalcController, MvcController, ConfigDefaultsController],
  providers: [
    {
      provide: AnalysisRunner,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new ThreadPoolAnalysisRunner(config.env.ANALYSIS_THREADS),
    },
    {
      provide: RunnerCloser,
      inject: [AnalysisRunner],
      useFactory: (r: AnalysisRunner) => new RunnerCloser(r),
    },
    UploadService,
    RecalcService,
    MvcCalibrationService,
    ConfigDefaultsService,
  ],
  exports: [AnalysisRunner],
})
export class AnalysisModule {}
