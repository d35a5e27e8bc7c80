import { ApiProperty } from '@nestjs/swagger';
import type { Selectable } from 'kysely';
import type { ScoringConfigurationTable } from '../../infrastructure/database/database.types.js';
import { PageOf } from '../../shared/pagination/page.dto.js';
import { DEFAULT_RPE_SCORES, DEFAULT_TARGETS } from '../scoring-config.defaults.js';
import { SCORING_SCOPES, type ScoringScope } from './scoring-config-request.dto.js';
import { weightsOf } from '../scoring-config.values.js';

export class ScoringWeightsDto {
  @ApiProperty({ description: 'Main weight; compliance + symmetry + effort + game = 1' }) compliance!: number;
  @ApiProperty() symmetry!: number;
  @ApiProperty() effort!: number;
  @ApiProperty() game!: number;
  @ApiProperty({ description: 'Per-muscle sub-weight; completion + intensity + duration = 1' })
  completion!: number;
  @ApiProperty() intensity!: number;
  @ApiProperty() duration!: number;
}

export class ScoringConfigDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() configuration_name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: SCORING_SCOPES }) scope!: ScoringScope;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'P001',
    description: 'Scope patient only (null too when the patient is not visible to the caller)',
  })
  patient_code!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) therapist_id!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: ScoringWeightsDto }) weights!: ScoringWeightsDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    nullable: true,
    description: 'RPE -> effort score; null when the configuration stores none (the trial table applies)',
    example: DEFAULT_RPE_SCORES,
  })
  rpe_mapping!: Record<string, number> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: DEFAULT_TARGETS })
  target_defaults!: Record<string, unknown>;
  @ApiProperty({ description: '1 at creation, +1 at each change of the weights' }) version!: number;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'On an earlier version kept for the sessions scored with it: the configuration it belongs to',
  })
  version_of!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) superseded_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class ScoringConfigPageDto extends PageOf(ScoringConfigDto) {}

/** A configuration row with the code of its patient (null when none or not visible). */
export type ScoringConfigRow = Selectable<ScoringConfigurationTable> & { patient_code: string | null };

function scopeOf(row: ScoringConfigRow): ScoringScope {
  if (row.patient_id !== null) return 'patient';
  if (row.therapist_id !== null && !row.is_global) return 'therapist';
  return 'global';
}

export function toScoringConfigDto(row: ScoringConfigRow): ScoringConfigDto {
  const scope = scopeOf(row);
  return {
    id: row.id,
    configuration_name: row.configuration_name,
    description: row.description,
    scope,
    patient_code: scope === 'patient' ? row.patient_code : null,
    therapist_id: row.therapist_id,
    active: row.active,
    weights: weightsOf(row),
    rpe_mapping: row.rpe_mapping
      ? Object.fromEntries(Object.entries(row.rpe_mapping).map(([rpe, entry]) => [rpe, entry.score]))
      : null,
    target_defaults: row.target_defaults,
    version: row.version,
    version_of: row.version_of,
    superseded_at: row.superseded_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
