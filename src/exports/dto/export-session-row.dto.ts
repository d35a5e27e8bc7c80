import { exportColumnOf } from './export-column.decorator.js';

const Column = exportColumnOf('sessions');

/** One row of sessions.csv: a session, its game and its scores. */
export class ExportSessionRowDto {
  @Column({ type: String })
  session_code!: string;
  @Column({ type: String })
  patient_code!: string;
  @Column({ type: String, nullable: true })
  session_date!: string | null;
  @Column({ type: String, nullable: true })
  processed_at!: string | null;
  @Column({ type: String, nullable: true })
  file_name!: string | null;
  @Column({ type: String, nullable: true })
  file_hash!: string | null;
  @Column({ type: String, nullable: true })
  game_name!: string | null;
  @Column({ type: String, nullable: true })
  game_level!: string | null;
  @Column({ type: Number, nullable: true })
  game_points_reported!: number | null;
  @Column({ type: Number, nullable: true })
  duration_seconds!: number | null;
  @Column({ type: Number, nullable: true })
  overall_score!: number | null;
  @Column({ type: Number, nullable: true })
  compliance_score!: number | null;
  @Column({ type: Number, nullable: true })
  symmetry_score!: number | null;
  @Column({ type: Number, nullable: true })
  effort_score!: number | null;
  @Column({ type: Number, nullable: true })
  game_score!: number | null;
  @Column({ type: Number, nullable: true })
  left_muscle_compliance!: number | null;
  @Column({ type: Number, nullable: true })
  right_muscle_compliance!: number | null;
  @Column({ type: Number, nullable: true })
  completion_rate_left!: number | null;
  @Column({ type: Number, nullable: true })
  completion_rate_right!: number | null;
  @Column({ type: Number, nullable: true })
  intensity_rate_left!: number | null;
  @Column({ type: Number, nullable: true })
  intensity_rate_right!: number | null;
  @Column({ type: Number, nullable: true })
  duration_rate_left!: number | null;
  @Column({ type: Number, nullable: true })
  duration_rate_right!: number | null;
  @Column({ type: Boolean, nullable: true })
  bfr_compliant!: boolean | null;
  @Column({ type: Number, nullable: true })
  bfr_pressure_aop!: number | null;
  @Column({ type: 'integer', nullable: true })
  rpe_post_session!: number | null;
  @Column({ type: 'integer', nullable: true })
  game_points_achieved!: number | null;
  @Column({ type: 'integer', nullable: true })
  game_points_max!: number | null;
  @Column({ type: String, nullable: true })
  scoring_config_id!: string | null;
}
