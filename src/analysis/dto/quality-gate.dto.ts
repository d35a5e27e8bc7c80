import { ApiProperty } from '@nestjs/swagger';

export class ChannelGateDto {
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: [String], example: ['clipping:fail', 'dc_offset:warn'], description: 'code:severity' })
  reasons!: string[];
}

/** seniam-v1's signal-quality gate, first in every answer that carries a seniam-v1 result. */
export class QualityGateDto {
  @ApiProperty({ description: 'false when a scored channel fails the gate' }) passed!: boolean;
  @ApiProperty({ type: [String], example: ['CH1'] }) failing_channels!: string[];
  @ApiProperty({
    nullable: true,
    type: String,
    example:
      'Scored on a channel that fails the signal-quality gate: CH1 (clipping, flat_line). Treat the scores of this session with caution.',
  })
  message!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ChannelGateDto' } })
  channels!: Record<string, ChannelGateDto>;
}
