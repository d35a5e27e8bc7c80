export type EdfErrorCode =
  | 'invalid_rate'
  | 'invalid_range'
  | 'invalid_sample'
  | 'invalid_date'
  | 'invalid_annotation'
  | 'no_signals'
  | 'unequal_signals'
  | 'not_edf';

/** Why an EDF file could not be written or read; `code` is stable. */
export class EdfError extends Error {
  constructor(
    readonly code: EdfErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EdfError';
  }
}
