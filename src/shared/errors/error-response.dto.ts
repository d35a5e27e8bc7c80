import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error body every endpoint returns. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ description: 'Stable machine-readable code', example: 'patient_not_found' }) error!: string;
  @ApiProperty({ example: 'Patient P042 not found' }) message!: string;
  @ApiProperty({
    description: 'Same text as message (the original API and its web client read `detail`)',
    example: 'Patient P042 not found',
  })
  detail!: string;
  @ApiPropertyOptional({ description: 'Structured detail, e.g. the failing fields' }) details?: unknown;
  @ApiProperty({ description: 'Same value as the X-Request-ID response header' }) requestId!: string;
}
