/** The formats, scopes and states of an export, each listed once for the DTOs and the services. */

export const EXPORT_FORMATS = ['json', 'csv', 'bids'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A single session is exported as tables only: no BIDS dataset. */
export const SESSION_EXPORT_FORMATS = ['json', 'csv'] as const satisfies readonly ExportFormat[];

export const EXPORT_SCOPES = ['session', 'patient', 'cohort'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

export const EXPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
