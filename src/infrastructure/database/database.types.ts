import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * Table types of the schema in migrations/. One interface per table, keyed by table name in
 * {@link DB}. Kept by hand in step with the SQL: a column added to a migration is added here.
 */

/** timestamptz: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** A jsonb column holding an object. */
export type Json<T extends object = Record<string, unknown>> = JSONColumnType<
  T,
  T | string | undefined,
  T | string
>;
/** `numeric` arrives as a string from PGlite and as a number from pg: read through Number(). */
export type Numeric = ColumnType<number | string | null, number | null | undefined, number | null>;

export type UserRole = 'admin' | 'therapist' | 'researcher';
export type ProcessingStatus = 'queued' | 'processing' | 'completed' | 'failed';

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface AuthUsersTable {
  id: Generated<string>;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: NullableTimestamp;
  last_sign_in_at: NullableTimestamp;
  raw_user_meta_data: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserProfilesTable {
  id: string;
  role: UserRole;
  first_name: string | null;
  last_name: string | null;
  institution: string | null;
  department: string | null;
  access_level: Generated<'full' | 'advanced' | 'basic'>;
  user_code: Generated<string>;
  active: Generated<boolean>;
  last_login: NullableTimestamp;
  full_name_override: ColumnType<string | null, string | null | undefined, string | null>;
  /** Generated: "first last" when both are set, else full_name_override, else 'Unknown User'. */
  full_name: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  timestamp: Timestamp;
  user_id: string | null;
  user_role: string | null;
  action: string;
  table_name: string;
  record_id: string | null;
  changes: Json | null;
  ip_address: string | null;
  created_at: Timestamp;
}

export interface PatientsTable {
  id: Generated<string>;
  patient_code: Generated<string>;
  therapist_id: string;
  age_group: '18-30' | '31-50' | '51-70' | '71+' | null;
  gender: 'M' | 'F' | 'NB' | 'NS' | null;
  pathology_category: string | null;
  active: Generated<boolean>;
  treatment_start_date: Timestamp;
  total_sessions_planned: Generated<number>;
  current_mvc75_ch1: number | null;
  current_mvc75_ch2: number | null;
  current_target_ch1_ms: number | null;
  current_target_ch2_ms: number | null;
  bfr_target_lop_percentage_ch1: Generated<number>;
  bfr_target_lop_percentage_ch2: Generated<number>;
  last_assessment_date: NullableTimestamp;
  current_scoring_config_id: string | null;
  scoring_config_updated_at: NullableTimestamp;
  scoring_config_updated_by: string | null;
  session_counter: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PatientMedicalInfoTable {
  id: Generated<string>;
  patient_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: ColumnType<Date | string, Date | string, Date | string>;
  gender: string;
  room_number: string | null;
  admission_date: ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;
  primary_diagnosis: string | null;
  mobility_status: Generated<string>;
  height_cm: Numeric;
  weight_kg: Numeric;
  bmi_value: ColumnType<number | string | null, never, never>;
  bmi_status: ColumnType<string | null, never, never>;
  cognitive_status: Generated<string>;
  patient_status: Generated<string>;
  created_by: string;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScoringConfigurationTable {
  id: Generated<string>;
  configuration_name: string;
  description: string | null;
  weight_compliance: Generated<number>;
  weight_symmetry: Generated<number>;
  weight_effort: Generated<number>;
  weight_game: Generated<number>;
  weight_completion: Generated<number>;
  weight_intensity: Generated<number>;
  weight_duration: Generated<number>;
  /** {"0": {score, category, clinical}, ..., "10": {...}} */
  rpe_mapping: Json<Record<string, { score: number; category?: string; clinical?: string }>> | null;
  target_defaults: Json;
  active: Generated<boolean>;
  is_global: Generated<boolean>;
  therapist_id: string | null;
  patient_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 1 for a new configuration, +1 at each change of its values (migration 0011). */
  version: Generated<number>;
  /** On a frozen earlier version: the configuration it is a version of. */
  version_of: string | null;
  /** Set on a frozen earlier version (never active). */
  superseded_at: NullableTimestamp;
  /** Last explicit activation; the global configuration activated last is the one in force. */
  activated_at: NullableTimestamp;
}

export interface TherapySessionsTable {
  id: Generated<string>;
  session_code: string;
  patient_id: string;
  /** Filled from the patient by a trigger when omitted. */
  therapist_id: Generated<string | null>;
  file_path: string;
  file_hash: string;
  file_size_bytes: ColumnType<number | string, number, number>;
  processing_status: Generated<ProcessingStatus>;
  stage: string | null;
  progress: Generated<number>;
  error_code: string | null;
  error_message: string | null;
  /** Generated copy of error_message under the original's column name. */
  processing_error_message: ColumnType<string | null, never, never>;
  attempts: Generated<number>;
  game_metadata: Json;
  session_date: NullableTimestamp;
  processed_at: NullableTimestamp;
  processing_time_ms: number | null;
  result_version: Generated<number>;
  /** Filled by get_session_scoring_config() at insert when omitted. */
  scoring_config_id: Generated<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EmgStatisticsTable {
  id: Generated<string>;
  session_id: string;
  channel_name: string;
  sampling_rate_hz: number | null;
  duration_seconds: number | null;
  mvc_value: number | null;
  mvc_threshold_percentage: number | null;
  mvc75_threshold: number | null;
  mvc_source: string | null;
  duration_threshold_ms: number | null;
  total_contractions: Generated<number>;
  good_contractions: Generated<number>;
  mvc_compliant_contractions: Generated<number>;
  duration_compliant_contractions: Generated<number>;
  compliance_rate: number | null;
  peak_amplitude_max: number | null;
  peak_amplitude_mean: number | null;
  mean_amplitude_mean: number | null;
  mean_contraction_duration_ms: number | null;
  max_contraction_duration_ms: number | null;
  total_time_under_tension_ms: number | null;
  rms: number | null;
  mav: number | null;
  mpf: number | null;
  mdf: number | null;
  fatigue_index: number | null;
  signal_quality_score: number | null;
  temporal_stats: Json;
  analytics: Json;
  processing_profile: string;
  processing_parameters: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContractionsTable {
  id: ColumnType<number | string, never, never>;
  session_id: string;
  channel_name: string;
  idx: number;
  start_sample: number;
  end_sample: number;
  start_time_ms: number;
  end_time_ms: number;
  duration_ms: number;
  mean_amplitude: number;
  max_amplitude: number;
  meets_mvc: boolean | null;
  meets_duration: boolean | null;
  is_good: Generated<boolean>;
  created_at: Timestamp;
}

export interface PerformanceScoresTable {
  id: Generated<string>;
  session_id: string;
  scoring_config_id: string;
  overall_score: number | null;
  compliance_score: number | null;
  symmetry_score: number | null;
  effort_score: number | null;
  game_score: number | null;
  left_muscle_compliance: number | null;
  right_muscle_compliance: number | null;
  completion_rate_left: number | null;
  completion_rate_right: number | null;
  intensity_rate_left: number | null;
  intensity_rate_right: number | null;
  duration_rate_left: number | null;
  duration_rate_right: number | null;
  bfr_compliant: boolean | null;
  bfr_pressure_aop: number | null;
  rpe_pre_session: number | null;
  rpe_post_session: number | null;
  game_points_achieved: number | null;
  game_points_max: number | null;
  weights_used: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionSettingsTable {
  id: Generated<string>;
  session_id: string;
  mvc_threshold_percentage: Generated<number>;
  target_mvc75_ch1: number | null;
  target_mvc75_ch2: number | null;
  target_duration_ch1_ms: Generated<number>;
  target_duration_ch2_ms: Generated<number>;
  target_contractions_ch1: Generated<number>;
  target_contractions_ch2: Generated<number>;
  bfr_enabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BfrMonitoringTable {
  id: Generated<string>;
  session_id: string;
  channel_name: 'CH1' | 'CH2';
  target_pressure_aop: number | null;
  actual_pressure_aop: number | null;
  cuff_pressure_mmhg: number | null;
  systolic_bp_mmhg: number | null;
  diastolic_bp_mmhg: number | null;
  safety_compliant: boolean | null;
  measurement_timestamp: Timestamp;
  measurement_method: Generated<'sensor' | 'manual' | 'estimated'>;
  compliance_validation_method: Generated<'user_input' | 'sensor' | 'algorithm' | 'estimated'>;
  compliance_validated: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ClinicalNoteType = 'patient' | 'session' | 'file';

export interface ClinicalNotesTable {
  id: Generated<string>;
  /** Defaults to auth.uid(). */
  author_id: ColumnType<string, string | undefined, never>;
  /** Filled from the session or the file's path when omitted; never changes. */
  patient_id: ColumnType<string, string | undefined, never>;
  session_id: ColumnType<string | null, string | null | undefined, never>;
  /** Storage path "<bucket>/P001/<file>" of a file note; a session note gets its session's. */
  file_path: ColumnType<string | null, string | null | undefined, never>;
  note_type: ColumnType<ClinicalNoteType, ClinicalNoteType, never>;
  title: Generated<string>;
  content: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FrontendLogsTable {
  /** bigint identity: a string from pg, read through String(); never written. */
  id: ColumnType<string | number, never, never>;
  received_at: Timestamp;
  user_id: string | null;
  request_id: string;
  client_address: string | null;
  entry: string;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  'auth.users': AuthUsersTable;
  user_profiles: UserProfilesTable;
  audit_log: AuditLogTable;
  patients: PatientsTable;
  patient_medical_info: PatientMedicalInfoTable;
  scoring_configuration: ScoringConfigurationTable;
  therapy_sessions: TherapySessionsTable;
  emg_statistics: EmgStatisticsTable;
  contractions: ContractionsTable;
  performance_scores: PerformanceScoresTable;
  session_settings: SessionSettingsTable;
  bfr_monitoring: BfrMonitoringTable;
  clinical_notes: ClinicalNotesTable;
  frontend_logs: FrontendLogsTable;
}

export type { Generated };
