import { ApiProperty } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ example: 'healthy' }) status!: 'healthy';
  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' }) timestamp!: string;
}

export class ReadinessChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) database!: string;
  @ApiProperty({ enum: ['up', 'down', 'not_configured'] }) redis!: string;
  @ApiProperty({ enum: ['up', 'down'] }) storage!: string;
}

export class ReadinessDto {
  @ApiProperty({ example: 'ready' }) status!: 'ready';
  @ApiProperty() checks!: ReadinessChecksDto;
  @ApiProperty() timestamp!: string;
}
