import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  DEFAULT_TAIL_LINES,
  isLogEntryInput,
  type LogEntryInput,
  logEntryLength,
  MAX_LOG_ENTRIES_PER_BATCH,
  MAX_LOG_ENTRY_CHARS,
  MAX_TAIL_LINES,
} from '../log-entry.js';

@ValidatorConstraint({ name: 'isLogEntry' })
class IsLogEntryConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isLogEntryInput(value) && logEntryLength(value) <= MAX_LOG_ENTRY_CHARS;
  }
  defaultMessage(): string {
    return `each value in logs must be a string or a JSON object of at most ${MAX_LOG_ENTRY_CHARS} characters`;
  }
}

export class FrontendLogsDto {
  @ApiProperty({
    description:
      `Log entries, oldest first: strings, or objects stored as JSON text. At most ` +
      `${MAX_LOG_ENTRIES_PER_BATCH} entries of ${MAX_LOG_ENTRY_CHARS} characters each; control ` +
      'characters other than tab and newline are removed before storing.',
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { type: 'object' }] },
    maxItems: MAX_LOG_ENTRIES_PER_BATCH,
    example: ['[INFO] analysis page opened', { level: 'error', msg: 'chart failed', ts: 1700000000 }],
  })
  @IsArray()
  @ArrayMaxSize(MAX_LOG_ENTRIES_PER_BATCH)
  @Validate(IsLogEntryConstraint, { each: true })
  logs!: LogEntryInput[];
}

export class FrontendLogsReceivedDto {
  @ApiProperty({ example: true }) success!: true;
  @ApiProperty({ example: 'Received 2 log entries' }) message!: string;
  @ApiProperty({ example: '2025-01-01T12:00:00.000Z' }) timestamp!: string;
}

export class FrontendLogTailQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_TAIL_LINES, default: DEFAULT_TAIL_LINES })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TAIL_LINES)
  lines: number = DEFAULT_TAIL_LINES;
}

export class FrontendLogLineDto {
  @ApiProperty({ description: 'Increasing with arrival order', example: '42' }) id!: string;
  @ApiProperty() received_at!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: sent without a token' })
  user_id!: string | null;
  @ApiProperty() request_id!: string;
  @ApiProperty({ nullable: true, type: String, example: '203.0.113.7' }) client_address!: string | null;
  @ApiProperty({ description: 'The sanitised entry (objects as JSON text)' }) entry!: string;
}

export class FrontendLogTailDto {
  @ApiProperty({ type: [String], description: 'The last lines, oldest first (the original shape)' })
  logs!: string[];
  @ApiProperty({ description: 'Lines stored in all' }) total_lines!: number;
  @ApiProperty({ description: 'Lines in this answer' }) showing!: number;
  @ApiProperty({ type: [FrontendLogLineDto], description: 'The same lines with who sent them and when' })
  entries!: FrontendLogLineDto[];
}
