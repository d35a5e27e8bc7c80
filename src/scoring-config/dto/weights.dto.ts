import { ApiProperty } from '@nestjs/swagger';

/** The seven scoring weights under the original's names (main weights, then per-muscle ones). */
export class WeightsDto {
  @ApiProperty() weight_compliance!: number;
  @ApiProperty() weight_symmetry!: number;
  @ApiProperty() weight_effort!: number;
  @ApiProperty() weight_game!: number;
  @ApiProperty() weight_completion!: number;
  @ApiProperty() weight_intensity!: number;
  @ApiProperty() weight_duration!: number;
}
