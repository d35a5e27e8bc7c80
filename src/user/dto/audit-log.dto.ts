import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../infrastructure/database/database.types.js';

export class AuditLogQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() timestamp!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) user_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) user_role!: string | null;
  @ApiProperty({ example: 'user_created' }) action!: string;
  @ApiProperty({ example: 'user_profiles' }) table_name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) record_id!: string | null;
  @ApiProperty({ nullable: true, type: Object }) changes!: Record<string, unknown> | null;
}

export class AuditLogDto {
  @ApiProperty({ example: true }) success!: boolean;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [AuditEntryDto] }) audit_logs!: AuditEntryDto[];
}

export function toAuditEntryDto(row: Selectable<AuditLogTable>): AuditEntryDto {
  return {
    id: row.id,
    timestamp: row.timestamp.toISOString(),
    user_id: row.user_id,
    user_role: row.user_role,
    action: row.action,
    table_name: row.table_name,
    record_id: row.record_id,
    changes: row.changes,
  };
}
