import { ApiProperty } from '@nestjs/swagger';

// The scored blocks of GET /sessions/{code}, field by field with their units. Scores and rates
// are the stored values, unrounded (they are the numbers the original's tests compare); left is
// the first EMG channel (CH1) and right the second (CH2), as `channels[].muscle` shows.

const PCT = (what: string) => `${what}, percent (0-100)`;
const FRACTION = (what: string) => `${what}, fraction (0-1)`;

export class PerformanceScoresDto {
  @ApiProperty({ format: 'uuid', description: 'The scoring configuration (weights) this was scored with' })
  scoring_config_id!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: PCT('Overall score: the weighted sum of the parts'),
  })
  overall_score!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: PCT('Compliance: mean of the two muscles') })
  compliance_score!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: PCT('Symmetry of the two muscles (100 = equal compliance)'),
  })
  symmetry_score!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: PCT('Effort, from the RPE after the session') })
  effort_score!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: PCT('Game score: points achieved / points possible; null without game points'),
  })
  game_score!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: PCT(
      'Left muscle (CH1) compliance: completion, intensity and duration rates weighted. Not the ' +
        "channel's compliance_rate (a 0-1 fraction of good contractions)",
    ),
  })
  left_muscle_compliance!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: PCT('Right muscle (CH2) compliance, as left') })
  right_muscle_compliance!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: FRACTION('Left: contractions / expected contractions, capped at 1'),
  })
  completion_rate_left!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: FRACTION('Right: completion rate') })
  completion_rate_right!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: FRACTION('Left: contractions reaching the MVC threshold / contractions'),
  })
  intensity_rate_left!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: FRACTION('Right: intensity rate') })
  intensity_rate_right!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: FRACTION('Left: contractions lasting the duration threshold / contractions'),
  })
  duration_rate_left!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: FRACTION('Right: duration rate') })
  duration_rate_right!: number | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'BFR pressure within the safe range (true when none was entered)',
  })
  bfr_compliant!: boolean | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'BFR cuff pressure entered, percent of arterial occlusion pressure (% AOP)',
  })
  bfr_pressure_aop!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'RPE before the session, Borg CR-10 (0-10)' })
  rpe_pre_session!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'RPE after the session, Borg CR-10 (0-10)' })
  rpe_post_session!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Game points achieved (points)' })
  game_points_achieved!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Game points possible (points)' })
  game_points_max!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Weights used (fractions 0-1: weight_compliance, weight_symmetry, weight_effort, weight_game; ' +
      'weight_completion, weight_intensity, weight_duration within compliance), rpe_value (0-10) and ' +
      'rpe_source (entered, or default when no RPE was entered)',
  })
  weights_used!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) created_at!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updated_at!: string | null;
}

/** session_settings of the session detail (the stored targets; not the /upload answer's). */
export class SessionTargetsDto {
  @ApiProperty({
    description: PCT('MVC threshold of the first channel, percent of MVC (75 when none was used)'),
  })
  mvc_threshold_percentage!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'MVC threshold of CH1 (left) in the signal unit, V: mvc_value x mvc_threshold_percentage / 100',
  })
  target_mvc75_ch1!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'MVC threshold of CH2 (right), V' })
  target_mvc75_ch2!: number | null;
  @ApiProperty({
    description:
      'Duration threshold of CH1 (left), milliseconds (session_duration_thresholds_per_muscle is given ' +
      'in seconds: 2 there is 2000 here)',
  })
  target_duration_ch1_ms!: number;
  @ApiProperty({ description: 'Duration threshold of CH2 (right), milliseconds' })
  target_duration_ch2_ms!: number;
  @ApiProperty({ description: 'Expected contractions of CH1 (left), count' })
  target_contractions_ch1!: number;
  @ApiProperty({ description: 'Expected contractions of CH2 (right), count' })
  target_contractions_ch2!: number;
  @ApiProperty({ description: 'BFR monitored in this trial' }) bfr_enabled!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) created_at!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updated_at!: string | null;
}

export class BfrMeasurementDto {
  @ApiProperty({ enum: ['CH1', 'CH2'], description: 'CH1 = left, CH2 = right' }) channel_name!: 'CH1' | 'CH2';
  @ApiProperty({ nullable: true, type: Number, description: 'Target cuff pressure, % AOP' })
  target_pressure_aop!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Cuff pressure entered, % AOP' })
  actual_pressure_aop!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Cuff pressure, mmHg' })
  cuff_pressure_mmhg!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Systolic blood pressure, mmHg' })
  systolic_bp_mmhg!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Diastolic blood pressure, mmHg' })
  diastolic_bp_mmhg!: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Pressure within the safe range' })
  safety_compliant!: boolean | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) measurement_timestamp!: string | null;
  @ApiProperty({ enum: ['sensor', 'manual', 'estimated'] }) measurement_method!: string;
  @ApiProperty({ enum: ['user_input', 'sensor', 'algorithm', 'estimated'] })
  compliance_validation_method!: string;
  @ApiProperty() compliance_validated!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) created_at!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updated_at!: string | null;
}

/** Contraction detection options as the analysis applied them to channels timed on the envelope. */
export class DetectionOptionsUsedDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Envelope threshold, fraction (0-1) of the envelope maximum. A channel timed on its GHOSTLY ' +
      '"activated" signal uses its own factor instead: see channels[].threshold_factor_used',
  })
  threshold_factor!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Shortest contraction kept, milliseconds' })
  min_duration_ms!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Moving-average window, samples' })
  smoothing_window!: number | null;
}

/** One parameter that was used with another value than requested, and why. */
export class ParameterNoteDto {
  @ApiProperty({ example: 'threshold_factor' }) parameter!: string;
  @ApiProperty({ nullable: true, type: String, example: 'CH1', description: 'The channel it applies to' })
  channel!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.1, description: 'As requested (null: not given)' })
  requested!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.05, description: 'As used' }) used!: number | null;
  @ApiProperty({
    example:
      'CH1 has a GHOSTLY "activated" signal: contraction timing follows it, with its own threshold factor',
  })
  reason!: string;
}

export class ParametersReportDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The parameters as requested (processing_options and session_params; a field not given is absent). ' +
      'Units: threshold_factor fraction 0-1, min_duration_ms and contraction_duration_threshold ms, ' +
      'smoothing_window samples, session_mvc_value V, percentages 0-100, ' +
      'session_duration_thresholds_per_muscle SECONDS',
  })
  requested!: Record<string, unknown>;
  @ApiProperty({ type: DetectionOptionsUsedDto, nullable: true, description: 'Detection options as applied' })
  used!: DetectionOptionsUsedDto | null;
  @ApiProperty({
    type: [ParameterNoteDto],
    description: 'Each parameter used with another value than requested, with the reason',
  })
  notes!: ParameterNoteDto[];
}
