import { Injectable } from '@nestjs/common';
import { JobQueue } from '../../infrastructure/queue/job-queue.js';
import { EXPORT_COHORT_JOB, exportJobId, type ExportCohortPayload } from './export-queue.constants.js';

@Injectable()
export class ExportProducer {
  constructor(private readonly queue: JobQueue) {}

  async enqueue(exportId: string): Promise<void> {
    const payload: ExportCohortPayload = { exportId };
    // Not retried: a failed export is reported as failed, the requester asks again.
    await this.queue.add(EXPORT_COHORT_JOB, payload, { jobId: exportJobId(exportId), attempts: 1 });
  }
}
