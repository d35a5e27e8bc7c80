/**
 * Every failure of the reader or writer is a C3dError with a stable code, so callers
 * (HTTP filter, CLI, workers) can branch on `code` without parsing messages.
 *
 * - `invalid_input`: the argument is not a byte array (or a write spec is inconsistent).
 * - `truncated`: the file ends before the header or the parameter section is complete.
 * - `bad_header`: the 512-byte header is unusable (parameter block 0, or past the end).
 * - `bad_parameter_section`: the parameter section holds no readable record.
 * - `unsupported_processor`: the parameter header's processor byte is not 84, 85 or 86.
 * - `bad_data_layout`: no frame layout fits the data section.
 * - `too_large`: a value would need more memory than the file size allows.
 * - `invalid_spec`: writeC3d was given data it cannot encode.
 * - `parameters_beyond_head`: a headerOnly read given the file's start and `fileLength` whose
 *   parameter section goes on past the bytes given.
 */
export type C3dErrorCode =
  | 'invalid_input'
  | 'truncated'
  | 'bad_header'
  | 'bad_parameter_section'
  | 'unsupported_processor'
  | 'bad_data_layout'
  | 'too_large'
  | 'invalid_spec'
  | 'parameters_beyond_head';

export class C3dError extends Error {
  override readonly name = 'C3dError';

  constructor(
    readonly code: C3dErrorCode,
    message: string,
    /** Byte offset in the file where the problem was found (0 when not applicable). */
    readonly offset: number = 0,
  ) {
    super(message);
  }
}

/** Non-fatal findings: the file was read, but something was guessed or repaired. */
export interface C3dWarning {
  code: string;
  message: string;
  offset?: number;
}
