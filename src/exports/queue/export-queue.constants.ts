/** Job name of a cohort export in the service's one queue. */
export const EXPORT_COHORT_JOB = 'export-cohort';

export interface ExportCohortPayload {
  exportId: string;
}

/** One job per export: enqueueing an export again while its job exists is a no-op. */
export function exportJobId(exportId: string): string {
  return `export:${exportId}`;
}
