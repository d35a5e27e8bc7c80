import { ApiPropertyOptional, ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { AnalysisParamsFormDto } from '../../analysis/dto/analysis-params.dto.js';
import { ClientSessionParamsDto } from '../../analysis/dto/client-session-params.dto.js';
import { PageQueryDto } from '../../shared/pagination/page.dto.js';
import { toOptionalNumber, toOptionalString } from '../../shared/validation/form-values.js';
import { IsTextMap, MUSCLE_MAP_SCHEMA } from '../../shared/validation/maps.js';
import { PROFILE_NAMES } from '@app/emg';

const PROCESSING_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;

/** Subjective data entered by the therapist (RPE, BFR pressure, game points). */
export class SubjectiveDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 10, description: 'Borg CR-10 RPE after the session' })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(0)
  @Max(10)
  rpe_post_session?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'BFR cuff pressure, % of arterial occlusion pressure',
  })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsNumber()
  @Min(0)
  @Max(100)
  bfr_pressure_aop?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(0)
  game_points_achieved?: number;
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(0)
  game_points_max?: number;
}

/**
 * POST /sessions text fields: patient, analysis parameters, subjective data, and the channel-to-muscle
 * mapping the original client sends with an upload (kept with the session).
 */
export class CreateSessionFormDto extends IntersectionType(
  AnalysisParamsFormDto,
  SubjectiveDto,
  PickType(ClientSessionParamsDto, ['channel_muscle_mapping'] as const),
) {
  @ApiProperty({ example: 'P001' }) @IsString() @Matches(/^[Pp][0-9]{3,}$/) patient_code!: string;

  @ApiPropertyOptional({
    enum: PROFILE_NAMES,
    description:
      "Processing profile (default: the patient's default profile, else ghostly-v1); kept for reprocessing",
  })
  @IsOptional()
  @Transform(toOptionalString)
  @IsIn(PROFILE_NAMES)
  profile?: string;
}

/** POST /sessions/:code/reprocess: new parameters replace the stored ones field by field. */
export class ReprocessSessionDto extends AnalysisParamsFormDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      "Score with this configuration (a global one, or one of the patient's therapist: therapist-wide or " +
      "the patient's own); null resolves it again (patient, therapist, trial default). Absent: keep the session's.",
  })
  @IsOptional()
  // 'loose': the trial default's fixed id has no RFC version digit
  @IsUUID('loose')
  scoring_config_id?: string | null;

  @ApiPropertyOptional({
    enum: PROFILE_NAMES,
    nullable: true,
    type: String,
    description:
      "Reprocess with this profile (kept for later runs); null: the patient's default. Absent: keep the session's.",
  })
  @IsOptional()
  @IsIn(PROFILE_NAMES)
  profile?: string | null;
}

export class SessionCodeParamDto {
  @ApiProperty({ example: 'P001S001' })
  @IsString()
  @Matches(/^[Pp][0-9]{3,}[Ss][0-9]{3,}$/)
  session_code!: string;
}

export class ListSessionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'P001' })
  @IsOptional()
  @IsString()
  @Matches(/^[Pp][0-9]{3,}$/)
  patient_code?: string;
  @ApiPropertyOptional({ enum: PROCESSING_STATUSES })
  @IsOptional()
  @IsIn(PROCESSING_STATUSES)
  status?: (typeof PROCESSING_STATUSES)[number];
  @ApiPropertyOptional({
    description: 'Session date (or upload time) from, ISO 8601',
    type: String,
    format: 'date-time',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;
  @ApiPropertyOptional({
    description: 'Session date (or upload time) to, ISO 8601',
    type: String,
    format: 'date-time',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

/** PUT /sessions/:code/muscles: the session's channel-to-muscle mapping, replaced. */
export class SessionMusclesDto {
  @ApiProperty({
    ...MUSCLE_MAP_SCHEMA,
    nullable: true,
    description: 'Channel -> muscle; a null or blank muscle is not given; null removes the mapping',
  })
  @ValidateIf((dto: SessionMusclesDto) => dto.channel_muscle_mapping !== null)
  @IsTextMap(200)
  channel_muscle_mapping!: Record<string, string | null> | null;
}
