/** Job name of session processing in the SESSION_QUEUE. */
export const PROCESS_SESSION_JOB = 'process-session';

export interface ProcessSessionPayload {
  sessionId: string;
  /** therapy_sessions.attempts when enqueued: a job of an older run is stale and does nothing. */
  run: number;
  /** therapy_sessions.result_version when enqueued: the job writes version + 1, once. */
  expectedVersion: number;
}

/** One job id per run: replaying an enqueue of the same run is a no-op in both queues. */
export function processSessionJobId(p: ProcessSessionPayload): string {
  return `${p.sessionId}:r${p.run}`;
}
