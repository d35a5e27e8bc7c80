import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error body every endpoint returns. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ description: 'Stable machine-readable code', example: 'validation_failed' }) error!: string;
  @ApiProperty({ example: 'Request validation failed' }) message!: string;
  @ApiProperty({
    description: 'Same text as message (the original API and its web client read `detail`)',
    example: 'Request validation failed',
  })
  detail!: string;
  @ApiPropertyOptional({ description: 'Structured detail, e.g. the failing fields' }) details?: unknown;
  @ApiProperty({ description: 'Same value as the X-Request-ID response header' }) requestId!: string;
}
