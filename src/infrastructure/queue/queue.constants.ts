/** The one Bull queue of the service; job names within it are exported by each producer. */
export const SESSION_QUEUE = 'sessions';

/** Queue note holding the session reconciler's last run (read by readiness). */
export const RECONCILER_NOTE = 'session-reconciler';

/** What the reconciler's last run found, as stored in {@link RECONCILER_NOTE}. */
export interface ReconcilerRun {
  /** ISO time the run finished. */
  at: string;
  intervalMs: number;
  /** Unfinished sessions old enough to be looked at. */
  checked: number;
  requeued: number;
  failed: number;
  /** Active jobs whose lock had expired (handed back by Bull's stalled check). */
  stalled: number;
  durationMs: number;
}
