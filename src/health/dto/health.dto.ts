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

export class ReconcilerStateDto {
  @ApiProperty({ description: 'When a worker last looked for sessions whose job was lost' })
  last_run_at!: string;
  @ApiProperty() interval_ms!: number;
  @ApiProperty({ description: 'Unfinished sessions looked at in that run' }) checked!: number;
  @ApiProperty({ description: 'Sessions enqueued again (their job was lost)' }) requeued!: number;
  @ApiProperty({ description: 'Sessions failed (worker_lost, or a failure not yet written)' })
  failed!: number;
  @ApiProperty({ description: 'Active jobs whose lock had expired' }) stalled!: number;
  @ApiProperty() duration_ms!: number;
  @ApiProperty({ description: 'No run for over three intervals: no worker is reconciling' })
  overdue!: boolean;
}

export class QueueStateDto {
  @ApiProperty() waiting!: number;
  @ApiProperty() active!: number;
  @ApiProperty() delayed!: number;
  @ApiProperty({ description: 'Failed jobs kept by the queue' }) failed!: number;
  @ApiProperty({ type: ReconcilerStateDto, nullable: true, description: 'null until a worker has run it' })
  reconciler!: ReconcilerStateDto | null;
}

export class ReadinessDto {
  @ApiProperty({ example: 'ready' }) status!: 'ready';
  @ApiProperty() checks!: ReadinessChecksDto;
  @ApiProperty({
    type: QueueStateDto,
    nullable: true,
    description: 'The job queue (informational); null when it did not answer',
  })
  queue!: QueueStateDto | null;
  @ApiProperty() timestamp!: string;
}
