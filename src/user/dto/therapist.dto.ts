import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';

/** How many codes one batch may resolve (the original's limit). */
export const MAX_BATCH_CODES = 100;

export class TherapistPatientCodeParamDto {
  @ApiProperty({ example: 'P001', description: 'Upper-cased; a code the caller cannot see answers 404' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  patient_code!: string;
}

export class BatchResolveTherapistsDto {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_BATCH_CODES,
    example: ['P001', 'p002'],
    description: 'Patient codes, upper-cased before lookup',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_CODES)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  patient_codes!: string[];
}

export class ExtractPatientCodeQueryDto {
  @ApiProperty({ example: 'c3d-examples/P012/Ghostly_Emg_20230321_17-50-17-0881.c3d' })
  @IsString()
  @MaxLength(4096)
  file_path!: string;
}

export class TherapistDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) first_name!: string | null;
  @ApiProperty({ nullable: true, type: String }) last_name!: string | null;
  @ApiProperty({ example: 'T001' }) user_code!: string;
  @ApiProperty({ example: 'therapist' }) role!: string;
  @ApiProperty({
    example: 'Dr. Lovelace',
    description: '"Dr. {last_name}", else the user code, else "Unknown Therapist"',
  })
  display_name!: string;
}

export class BatchTherapistsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(TherapistDto) },
    description: 'Upper-cased patient code -> its therapist, for the codes the caller can see',
  })
  therapists!: Record<string, TherapistDto>;
  @ApiProperty({
    type: [String],
    description: 'Upper-cased codes without a therapist the caller can see, in request order',
  })
  not_found!: string[];
}

export class ExtractedPatientCodeDto {
  @ApiProperty({ nullable: true, type: String, example: 'P012' }) patient_code!: string | null;
  @ApiProperty() file_path!: string;
}

export class TherapistCacheStatsDto {
  @ApiProperty({ description: 'Live entries this process wrote since the last clear' }) size!: number;
  @ApiProperty({ description: 'Lookups (one per patient code) answered from the cache' }) hits!: number;
  @ApiProperty({ description: 'Lookups that went to the database' }) misses!: number;
  @ApiProperty({ description: 'hits / (hits + misses); 0 before the first lookup' }) hit_rate!: number;
  @ApiProperty({ example: 60 }) ttl_seconds!: number;
  @ApiProperty({ enum: ['redis', 'memory'] }) store!: 'redis' | 'memory';
  @ApiProperty({
    description:
      'Counters are per process; entries are per caller (a cached answer is only ever served ' +
      'to the user whose row-level security produced it)',
  })
  scope!: string;
}

export class TherapistCacheClearedDto {
  @ApiProperty({ example: 'Cache cleared successfully' }) message!: string;
  @ApiProperty({ description: 'Entries this process knew of that were dropped' }) cleared_entries!: number;
}

export function displayName(row: { last_name: string | null; user_code: string | null }): string {
  const last = row.last_name?.trim();
  if (last) return `Dr. ${last}`;
  return row.user_code?.trim() || 'Unknown Therapist';
}

export function toTherapistDto(row: {
  id: string;
  first_name: string | null;
  last_name: string | null;
  user_code: string;
  role: string;
}): TherapistDto {
  return {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
    user_code: row.user_code,
    role: row.role,
    display_name: displayName(row),
  };
}
