import type { ExportJobDto } from './dto/export-job.dto.js';
import type { ExportCounts, ExportRow } from './export-row.types.js';

/** export_history row -> what its requester sees (no artifact path, no requester ids). */
export function toExportJobDto(row: ExportRow): ExportJobDto {
  const { parts_written: _parts, ...counts } = row.counts as ExportCounts;
  const config = row.export_config as Record<string, unknown>;
  const { patient_ids: _ids, ...filters } = config;
  const done = row.status === 'completed' && row.scope === 'cohort' && row.artifact_path !== null;
  return {
    id: row.id,
    scope: row.scope,
    format: row.export_format,
    status: row.status,
    progress: row.progress,
    pseudonymised: row.pseudonymised,
    filters,
    sessions_total: row.sessions_total,
    sessions_exported: row.sessions_exported,
    counts,
    bytes: row.artifact_bytes === null ? null : Number(row.artifact_bytes),
    file_name: row.file_name,
    download_url: done ? `/exports/${row.id}/download` : null,
    error_code: row.error_code,
    error_message: row.error_message,
    created_at: row.exported_at.toISOString(),
    completed_at: row.completed_at ? row.completed_at.toISOString() : null,
  };
}
