import { exportColumnOf } from './export-column.decorator.js';

const Column = exportColumnOf('channels');

/** One row of channels.csv: the metrics of one channel of a session. */
export class ExportChannelRowDto {
  @Column({ type: String })
  session_code!: string;
  @Column({ type: String })
  channel!: string;
  @Column({ type: String, nullable: true })
  target_muscle!: string | null;
  @Column({ type: Number, nullable: true })
  sampling_rate_hz!: number | null;
  @Column({ type: Number, nullable: true })
  duration_seconds!: number | null;
  @Column({ type: String })
  processing_profile!: string;
  @Column({ type: Number, nullable: true })
  mvc_value!: number | null;
  @Column({ type: Number, nullable: true })
  mvc_threshold_percentage!: number | null;
  @Column({ type: Number, nullable: true })
  mvc75_threshold!: number | null;
  @Column({ type: String, nullable: true })
  mvc_source!: string | null;
  @Column({ type: Number, nullable: true })
  duration_threshold_ms!: number | null;
  @Column({ type: 'integer' })
  total_contractions!: number;
  @Column({ type: 'integer' })
  good_contractions!: number;
  @Column({ type: 'integer' })
  mvc_compliant_contractions!: number;
  @Column({ type: 'integer' })
  duration_compliant_contractions!: number;
  @Column({ type: Number, nullable: true })
  compliance_rate!: number | null;
  @Column({ type: Number, nullable: true })
  peak_amplitude_max!: number | null;
  @Column({ type: Number, nullable: true })
  peak_amplitude_mean!: number | null;
  @Column({ type: Number, nullable: true })
  mean_amplitude_mean!: number | null;
  @Column({ type: Number, nullable: true })
  mean_contraction_duration_ms!: number | null;
  @Column({ type: Number, nullable: true })
  max_contraction_duration_ms!: number | null;
  @Column({ type: Number, nullable: true })
  total_time_under_tension_ms!: number | null;
  @Column({ type: Number, nullable: true })
  rms!: number | null;
  @Column({ type: Number, nullable: true })
  mav!: number | null;
  @Column({ type: Number, nullable: true })
  mpf!: number | null;
  @Column({ type: Number, nullable: true })
  mdf!: number | null;
  @Column({ type: Number, nullable: true })
  fatigue_index!: number | null;
  @Column({ type: Number, nullable: true })
  signal_quality_score!: number | null;
}
