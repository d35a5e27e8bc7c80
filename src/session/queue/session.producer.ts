import { Injectable } from '@nestjs/common';
import { JobQueue } from '../../infrastructure/queue/job-queue.js';
import type { SessionRow } from '../session-row.types.js';
import {
  PROCESS_SESSION_JOB,
  processSessionJobId,
  type ProcessSessionPayload,
} from './session-queue.constants.js';

@Injectable()
export class SessionProducer {
  constructor(private readonly queue: JobQueue) {}

  async enqueue(session: Pick<SessionRow, 'id' | 'attempts' | 'result_version'>): Promise<void> {
    const payload: ProcessSessionPayload = {
      sessionId: session.id,
      run: session.attempts,
      expectedVersion: session.result_version,
    };
    await this.queue.add(PROCESS_SESSION_JOB, payload, { jobId: processSessionJobId(payload) });
  }
}
