import { ApiProperty } from '@nestjs/swagger';

/**
 * A recording cut off before its end (the game crashed, the tablet ran out of battery, a copy
 * stopped halfway) is read on its complete frames and scored on them. Such a session is not a
 * plain `completed`: every response that shows its result says `quality: "truncated"` and
 * carries a top-level warning, so that a lower score is not read as a worse performance.
 */
export type SessionQuality = 'complete' | 'truncated';

/** Reader warnings (game_metadata.file_warnings) that mean the recording was cut off. */
export const CUT_OFF_READER_CODES: ReadonlySet<string> = new Set(['truncated', 'unfinalised']);

export class SessionWarningDto {
  @ApiProperty({ example: 'truncated_recording' }) code!: string;
  @ApiProperty({
    example:
      'The recording was cut off (data section holds 2309 of 5779 announced frames); ' +
      'results and scores cover the recorded part only',
  })
  message!: string;
}

/** The documentation of `quality`, shared by every response that shows a session's result. */
export const ApiSessionQuality = (): PropertyDecorator =>
  ApiProperty({
    enum: ['complete', 'truncated'],
    nullable: true,
    description:
      'truncated: the recording was cut off and only its complete frames were analysed ' +
      '(TRUNCATED_FILES=score); null until a result exists',
  });

/** The documentation of `warnings`, shared like `quality`. */
export const ApiSessionWarnings = (): PropertyDecorator =>
  ApiProperty({ type: [SessionWarningDto], description: 'What a reader of the result must know' });

export interface SessionQualityFields {
  quality: SessionQuality | null;
  warnings: SessionWarningDto[];
}

/** quality is null until a result exists; warnings are empty for a complete recording. */
export function sessionQuality(gameMetadata: unknown, hasResult: boolean): SessionQualityFields {
  if (!hasResult) return { quality: null, warnings: [] };
  const fileWarnings = (gameMetadata as { file_warnings?: unknown } | null)?.file_warnings;
  const cut = Array.isArray(fileWarnings)
    ? (fileWarnings as { code?: unknown; message?: unknown }[]).find(
        (w) => typeof w?.code === 'string' && CUT_OFF_READER_CODES.has(w.code),
      )
    : undefined;
  if (!cut) return { quality: 'complete', warnings: [] };
  const detail = typeof cut.message === 'string' ? ` (${cut.message})` : '';
  return {
    quality: 'truncated',
    warnings: [
      {
        code: 'truncated_recording',
        message: `The recording was cut off${detail}; results and scores cover the recorded part only`,
      },
    ],
  };
}
