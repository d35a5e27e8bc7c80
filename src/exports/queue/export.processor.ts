import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { JobQueue, type JobContext } from '../../infrastructure/queue/job-queue.js';
import { AppConfig } from '../../shared/config/app-config.js';
import { CohortExportRunner } from '../use-cases/run-cohort-export.js';
import { ExportProducer } from './export.producer.js';
import { EXPORT_COHORT_JOB, type ExportCohortPayload } from './export-queue.constants.js';

/**
 * Thin: registers the cohort export job in the worker role and hands it to the runner, which
 * records success and failure itself. On start, exports left queued or running (the process
 * stopped) are enqueued again; the runner starts them over.
 */
@Injectable()
export class ExportProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ExportProcessor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly runner: CohortExportRunner,
    private readonly producer: ExportProducer,
  ) {}

  onModuleInit(): void {
    if (!this.config.runsWorkers) return;
    this.queue.process<ExportCohortPayload>(EXPORT_COHORT_JOB, 1, (job) => this.handle(job));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsWorkers) return;
    try {
      const ids = await this.runner.unfinished();
      for (const id of ids) await this.producer.enqueue(id);
      if (ids.length > 0) this.logger.log({ msg: 're-enqueued unfinished exports', count: ids.length });
    } catch (error) {
      this.logger.error({ msg: 'could not re-enqueue unfinished exports', error: String(error) });
    }
  }

  private async handle(job: JobContext<ExportCohortPayload>): Promise<void> {
    await this.runner.run(job.data.exportId, (p) => job.progress(p));
  }
}
