// Mirrors tables/export-columns.ts property by property (export-tables.dto.spec.ts checks they agree).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { describeColumn } from '../tables/export-columns.js';

/** One row of sessions.csv: a session, its game and its scores. */
export class ExportSessionRowDto {
  @ApiProperty({ type: String, description: describeColumn('sessions', 'session_code') })
  session_code!: string;
  @ApiProperty({ type: String, description: describeColumn('sessions', 'patient_code') })
  patient_code!: string;
  @ApiProperty({ type: String, description: describeColumn('sessions', 'session_date'), nullable: true })
  session_date!: string | null;
  @ApiProperty({ type: String, description: describeColumn('sessions', 'processed_at'), nullable: true })
  processed_at!: string | null;
  @ApiProperty({ type: String, description: describeColumn('sessions', 'file_name'), nullable: true })
  file_name!: string | null;
  @ApiProperty({ type: String, description: describeColumn('sessions', 'file_hash'), nullable: true })
  file_hash!: string | null;
  @ApiProperty({ type: String, description: describeColumn('sessions', 'game_name'), nullable: true })
  game_name!: string | null;
  @ApiProperty({ type: String, description: describeColumn('sessions', 'game_level'), nullable: true })
  game_level!: string | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'game_points_reported'),
    nullable: true,
  })
  game_points_reported!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('sessions', 'duration_seconds'), nullable: true })
  duration_seconds!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('sessions', 'overall_score'), nullable: true })
  overall_score!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('sessions', 'compliance_score'), nullable: true })
  compliance_score!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('sessions', 'symmetry_score'), nullable: true })
  symmetry_score!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('sessions', 'effort_score'), nullable: true })
  effort_score!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('sessions', 'game_score'), nullable: true })
  game_score!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'left_muscle_compliance'),
    nullable: true,
  })
  left_muscle_compliance!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'right_muscle_compliance'),
    nullable: true,
  })
  right_muscle_compliance!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'completion_rate_left'),
    nullable: true,
  })
  completion_rate_left!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'completion_rate_right'),
    nullable: true,
  })
  completion_rate_right!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'intensity_rate_left'),
    nullable: true,
  })
  intensity_rate_left!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'intensity_rate_right'),
    nullable: true,
  })
  intensity_rate_right!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'duration_rate_left'),
    nullable: true,
  })
  duration_rate_left!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('sessions', 'duration_rate_right'),
    nullable: true,
  })
  duration_rate_right!: number | null;
  @ApiProperty({ type: Boolean, description: describeColumn('sessions', 'bfr_compliant'), nullable: true })
  bfr_compliant!: boolean | null;
  @ApiProperty({ type: Number, description: describeColumn('sessions', 'bfr_pressure_aop'), nullable: true })
  bfr_pressure_aop!: number | null;
  @ApiProperty({
    type: 'integer',
    description: describeColumn('sessions', 'rpe_post_session'),
    nullable: true,
  })
  rpe_post_session!: number | null;
  @ApiProperty({
    type: 'integer',
    description: describeColumn('sessions', 'game_points_achieved'),
    nullable: true,
  })
  game_points_achieved!: number | null;
  @ApiProperty({
    type: 'integer',
    description: describeColumn('sessions', 'game_points_max'),
    nullable: true,
  })
  game_points_max!: number | null;
  @ApiProperty({ type: String, description: describeColumn('sessions', 'scoring_config_id'), nullable: true })
  scoring_config_id!: string | null;
}

/** One row of channels.csv: the metrics of one channel of a session. */
export class ExportChannelRowDto {
  @ApiProperty({ type: String, description: describeColumn('channels', 'session_code') })
  session_code!: string;
  @ApiProperty({ type: String, description: describeColumn('channels', 'channel') })
  channel!: string;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'sampling_rate_hz'), nullable: true })
  sampling_rate_hz!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'duration_seconds'), nullable: true })
  duration_seconds!: number | null;
  @ApiProperty({ type: String, description: describeColumn('channels', 'processing_profile') })
  processing_profile!: string;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'mvc_value'), nullable: true })
  mvc_value!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'mvc_threshold_percentage'),
    nullable: true,
  })
  mvc_threshold_percentage!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'mvc75_threshold'), nullable: true })
  mvc75_threshold!: number | null;
  @ApiProperty({ type: String, description: describeColumn('channels', 'mvc_source'), nullable: true })
  mvc_source!: string | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'duration_threshold_ms'),
    nullable: true,
  })
  duration_threshold_ms!: number | null;
  @ApiProperty({ type: 'integer', description: describeColumn('channels', 'total_contractions') })
  total_contractions!: number;
  @ApiProperty({ type: 'integer', description: describeColumn('channels', 'good_contractions') })
  good_contractions!: number;
  @ApiProperty({ type: 'integer', description: describeColumn('channels', 'mvc_compliant_contractions') })
  mvc_compliant_contractions!: number;
  @ApiProperty({
    type: 'integer',
    description: describeColumn('channels', 'duration_compliant_contractions'),
  })
  duration_compliant_contractions!: number;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'compliance_rate'), nullable: true })
  compliance_rate!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'peak_amplitude_max'),
    nullable: true,
  })
  peak_amplitude_max!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'peak_amplitude_mean'),
    nullable: true,
  })
  peak_amplitude_mean!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'mean_amplitude_mean'),
    nullable: true,
  })
  mean_amplitude_mean!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'mean_contraction_duration_ms'),
    nullable: true,
  })
  mean_contraction_duration_ms!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'max_contraction_duration_ms'),
    nullable: true,
  })
  max_contraction_duration_ms!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'total_time_under_tension_ms'),
    nullable: true,
  })
  total_time_under_tension_ms!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'rms'), nullable: true })
  rms!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'mav'), nullable: true })
  mav!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'mpf'), nullable: true })
  mpf!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'mdf'), nullable: true })
  mdf!: number | null;
  @ApiProperty({ type: Number, description: describeColumn('channels', 'fatigue_index'), nullable: true })
  fatigue_index!: number | null;
  @ApiProperty({
    type: Number,
    description: describeColumn('channels', 'signal_quality_score'),
    nullable: true,
  })
  signal_quality_score!: number | null;
}

/** One row of contractions.csv: one detected contraction. */
export class ExportContractionRowDto {
  @ApiProperty({ type: String, description: describeColumn('contractions', 'session_code') })
  session_code!: string;
  @ApiProperty({ type: String, description: describeColumn('contractions', 'channel') })
  channel!: string;
  @ApiProperty({ type: 'integer', description: describeColumn('contractions', 'idx') })
  idx!: number;
  @ApiProperty({ type: Number, description: describeColumn('contractions', 'start_time_ms') })
  start_time_ms!: number;
  @ApiProperty({ type: Number, description: describeColumn('contractions', 'end_time_ms') })
  end_time_ms!: number;
  @ApiProperty({ type: Number, description: describeColumn('contractions', 'duration_ms') })
  duration_ms!: number;
  @ApiProperty({ type: 'integer', description: describeColumn('contractions', 'start_sample') })
  start_sample!: number;
  @ApiProperty({ type: 'integer', description: describeColumn('contractions', 'end_sample') })
  end_sample!: number;
  @ApiProperty({ type: Number, description: describeColumn('contractions', 'mean_amplitude') })
  mean_amplitude!: number;
  @ApiProperty({ type: Number, description: describeColumn('contractions', 'max_amplitude') })
  max_amplitude!: number;
  @ApiProperty({ type: Boolean, description: describeColumn('contractions', 'meets_mvc'), nullable: true })
  meets_mvc!: boolean | null;
  @ApiProperty({
    type: Boolean,
    description: describeColumn('contractions', 'meets_duration'),
    nullable: true,
  })
  meets_duration!: boolean | null;
  @ApiProperty({ type: Boolean, description: describeColumn('contractions', 'is_good') })
  is_good!: boolean;
}
/** A session in the JSON export: its row, the game metadata, and its channel and contraction rows. */
export class ExportSessionDocumentDto extends ExportSessionRowDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Game metadata read from the file (no player_name or therapist_id when pseudonymised)',
  })
  game_metadata!: Record<string, unknown>;
  @ApiProperty({ type: [ExportChannelRowDto] }) channels!: ExportChannelRowDto[];
  @ApiProperty({ type: [ExportContractionRowDto] }) contractions!: ExportContractionRowDto[];
}

export class ExportMetaDto {
  @ApiProperty({ format: 'uuid', description: 'export_history id of this export' }) id!: string;
  @ApiProperty({ enum: ['json', 'csv', 'bids'] }) format!: string;
  @ApiProperty({ enum: ['session', 'patient', 'cohort'] }) scope!: string;
  @ApiProperty() pseudonymised!: boolean;
  @ApiProperty({ format: 'date-time' }) generated_at!: string;
  @ApiProperty() service_version!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Unit of every column, per table (null: counts, flags, text)',
  })
  units?: Record<string, Record<string, string | null>>;
}

/** GET .../export?format=json: the export's metadata and its sessions. */
export class ExportDocumentDto {
  @ApiProperty({ type: ExportMetaDto }) export!: ExportMetaDto;
  @ApiProperty({ type: [ExportSessionDocumentDto] }) sessions!: ExportSessionDocumentDto[];
}
