import { exportColumnOf } from './export-column.decorator.js';

const Column = exportColumnOf('contractions');

/** One row of contractions.csv: one detected contraction. */
export class ExportContractionRowDto {
  @Column({ type: String })
  session_code!: string;
  @Column({ type: String })
  channel!: string;
  @Column({ type: 'integer' })
  idx!: number;
  @Column({ type: Number })
  start_time_ms!: number;
  @Column({ type: Number })
  end_time_ms!: number;
  @Column({ type: Number })
  duration_ms!: number;
  @Column({ type: 'integer' })
  start_sample!: number;
  @Column({ type: 'integer' })
  end_sample!: number;
  @Column({ type: Number })
  mean_amplitude!: number;
  @Column({ type: Number })
  max_amplitude!: number;
  @Column({ type: Boolean, nullable: true })
  meets_mvc!: boolean | null;
  @Column({ type: Boolean, nullable: true })
  meets_duration!: boolean | null;
  @Column({ type: Boolean })
  is_good!: boolean;
}
