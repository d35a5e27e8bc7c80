import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '../../infrastructure/queue/job-queue.js';
import type { SessionRow } from '../session.repository.js';
import {
  PROCESS_SESSION_JOB,
  processSessionJobId,
  type ProcessSessionPayload,
} from './session-queue.constants.js';

type Enqueueable = Pick<SessionRow, 'id' | 'attempts' | 'result_version'>;

function payloadOf(session: Enqueueable): ProcessSessionPayload {
  return { sessionId: session.id, run: session.attempts, expectedVersion: session.result_version };
}

@Injectable()
export class SessionProducer {
  private readonly logger = new Logger(SessionProducer.name);

  constructor(private readonly queue: JobQueue) {}

  /**
   * Enqueues the session's current run. The session is already stored as queued: when the queue
   * is unreachable (Redis away) the request still succeeds, and the reconciler of a worker
   * enqueues the session once the queue is back.
   * @returns false when the queue could not be reached.
   */
  async enqueue(session: Enqueueable): Promise<boolean> {
    const payload = payloadOf(session);
    try {
      await this.queue.add(PROCESS_SESSION_JOB, payload, { jobId: processSessionJobId(payload) });
      return true;
    } catch (error) {
      this.logger.warn({
        msg: 'session stored but not enqueued; the reconciler will enqueue it',
        sessionId: session.id,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }

  /** Enqueues a run whose job the queue lost (the reconciler); errors reach the caller. */
  async requeue(session: Enqueueable): Promise<void> {
    const payload = payloadOf(session);
    await this.queue.requeue(PROCESS_SESSION_JOB, payload, { jobId: processSessionJobId(payload) });
  }
}
