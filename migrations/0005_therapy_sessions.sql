-- Therapy sessions and everything the session pipeline derives from one C3D file: per-channel
-- statistics, one row per detected contraction, the performance score, the session settings and
-- BFR monitoring. The pipeline writes all of these in one transaction in a service context;
-- users read them through RLS (assigned therapist, admins, researchers read-only).

create table if not exists public.therapy_sessions (
  id uuid primary key default gen_random_uuid(),
  session_code text not null unique check (session_code ~ '^P[0-9]{3,}S[0-9]{3,}$'),
  patient_id uuid not null references public.patients (id) on delete cascade,
  therapist_id uuid references public.user_profiles (id),
  file_path text not null,
  -- sha256 of the file CONTENT (the original hashed "path:size"); one session per file per patient.
  file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
  file_size_bytes bigint not null check (file_size_bytes > 0),
  processing_status text not null default 'queued'
    check (processing_status in ('queued', 'processing', 'completed', 'failed')),
  stage text,
  progress integer not null default 0 check (progress between 0 and 100),
  error_code text,
  error_message text,
  attempts integer not null default 0 check (attempts >= 0),
  game_metadata jsonb not null default '{}'::jsonb,
  session_date timestamptz,
  processed_at timestamptz,
  processing_time_ms float8 check (processing_time_ms >= 0),
  -- Bumped on every successful (re)processing; cache keys include it.
  result_version integer not null default 0 check (result_version >= 0),
  scoring_config_id uuid references public.scoring_configuration (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint therapy_sessions_patient_file_hash_key unique (patient_id, file_hash)
);
create index if not exists therapy_sessions_patient_idx on public.therapy_sessions (patient_id, session_date desc, created_at desc);
create index if not exists therapy_sessions_therapist_idx on public.therapy_sessions (therapist_id);
create index if not exists therapy_sessions_file_path_idx on public.therapy_sessions (file_path);
create index if not exists therapy_sessions_unfinished_idx on public.therapy_sessions (processing_status, updated_at)
  where processing_status in ('queued', 'processing');

-- Race-free session numbering: the row lock taken by UPDATE serialises concurrent callers for
-- one patient (the original read max(session_code) without a lock and collided).
create or replace function public.next_session_code(p_patient_id uuid) returns text
language plpgsql as $$
declare
  code text;
begin
  update public.patients set session_counter = session_counter + 1
    where id = p_patient_id
    returning patient_code || 'S' || lpad(session_counter::text, 3, '0') into code;
  if code is null then
    raise exception 'patient % not found', p_patient_id using errcode = 'P0002';
  end if;
  return code;
end
$$;

-- Which scoring configuration applies, first match wins:
--   1. the session's own scoring_config_id (fixed at insert, so a session keeps its weights);
--   2. the patient's current_scoring_config_id;
--   3. the newest active configuration scoped to the patient;
--   4. the newest active configuration scoped to the patient's therapist (no patient);
--   5. GHOSTLY-TRIAL-DEFAULT (fixed id) while active;
--   6. the newest active global configuration.
create or replace function public.get_session_scoring_config(p_session_id uuid, p_patient_id uuid default null)
returns uuid
language plpgsql stable as $$
declare
  result uuid;
  pid uuid := p_patient_id;
  tid uuid;
begin
  if p_session_id is not null then
    select s.scoring_config_id, s.patient_id into result, pid from public.therapy_sessions s where s.id = p_session_id;
    if result is not null then return result; end if;
    pid := coalesce(pid, p_patient_id);
  end if;
  if pid is not null then
    select p.current_scoring_config_id, p.therapist_id into result, tid from public.patients p where p.id = pid;
    if result is not null then return result; end if;
    select c.id into result from public.scoring_configuration c
      where c.patient_id = pid and c.active order by c.created_at desc limit 1;
    if result is not null then return result; end if;
    select c.id into result from public.scoring_configuration c
      where c.therapist_id = tid and c.patient_id is null and c.active order by c.created_at desc limit 1;
    if result is not null then return result; end if;
  end if;
  select c.id into result from public.scoring_configuration c
    where c.id = 'a0000000-0000-0000-0000-000000000001'::uuid and c.active;
  if result is not null then return result; end if;
  select c.id into result from public.scoring_configuration c
    where c.is_global and c.active order by c.created_at desc limit 1;
  return result;
end
$$;

create or replace function public.fill_session_defaults() returns trigger
language plpgsql as $$
begin
  if new.therapist_id is null then
    select p.therapist_id into new.therapist_id from public.patients p where p.id = new.patient_id;
  end if;
  if new.scoring_config_id is null then
    new.scoring_config_id := public.get_session_scoring_config(null, new.patient_id);
  end if;
  return new;
end
$$;

drop trigger if exists therapy_sessions_defaults on public.therapy_sessions;
create trigger therapy_sessions_defaults before insert on public.therapy_sessions
  for each row execute function public.fill_session_defaults();
drop trigger if exists therapy_sessions_updated_at on public.therapy_sessions;
create trigger therapy_sessions_updated_at before update on public.therapy_sessions
  for each row execute function public.set_updated_at();

create or replace function public.can_read_session(p_session_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((select public.can_read_patient(s.patient_id) from public.therapy_sessions s where s.id = p_session_id), false)
$$;

create or replace function public.can_write_session(p_session_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((select public.can_write_patient(s.patient_id) from public.therapy_sessions s where s.id = p_session_id), false)
$$;

revoke all on function public.can_read_session(uuid), public.can_write_session(uuid) from public;
grant execute on function public.can_read_session(uuid), public.can_write_session(uuid) to authenticated, service_role;
grant execute on function public.get_session_scoring_config(uuid, uuid), public.next_session_code(uuid)
  to authenticated, service_role;

alter table public.therapy_sessions enable row level security;
revoke all on table public.therapy_sessions from anon;
grant select, insert, update, delete on table public.therapy_sessions to authenticated;

drop policy if exists therapy_sessions_select on public.therapy_sessions;
create policy therapy_sessions_select on public.therapy_sessions for select to authenticated
  using (public.can_read_patient(patient_id));
drop policy if exists therapy_sessions_insert on public.therapy_sessions;
create policy therapy_sessions_insert on public.therapy_sessions for insert to authenticated
  with check (public.can_write_patient(patient_id));
drop policy if exists therapy_sessions_update on public.therapy_sessions;
create policy therapy_sessions_update on public.therapy_sessions for update to authenticated
  using (public.can_write_patient(patient_id)) with check (public.can_write_patient(patient_id));
drop policy if exists therapy_sessions_delete on public.therapy_sessions;
create policy therapy_sessions_delete on public.therapy_sessions for delete to authenticated
  using (public.can_write_patient(patient_id));

-- One row per session and channel. Amplitudes are float8 and unrounded (EMG volts ~1e-4).
create table if not exists public.emg_statistics (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.therapy_sessions (id) on delete cascade,
  channel_name text not null,
  sampling_rate_hz float8 check (sampling_rate_hz > 0),
  duration_seconds float8 check (duration_seconds >= 0),
  mvc_value float8 check (mvc_value is null or mvc_value > 0),
  mvc_threshold_percentage float8 check (mvc_threshold_percentage > 0 and mvc_threshold_percentage <= 100),
  mvc75_threshold float8 check (mvc75_threshold is null or mvc75_threshold > 0),
  mvc_source text,
  duration_threshold_ms float8 check (duration_threshold_ms > 0),
  total_contractions integer not null default 0 check (total_contractions >= 0),
  good_contractions integer not null default 0 check (good_contractions >= 0),
  mvc_compliant_contractions integer not null default 0 check (mvc_compliant_contractions >= 0),
  duration_compliant_contractions integer not null default 0 check (duration_compliant_contractions >= 0),
  compliance_rate float8 check (compliance_rate between 0 and 1),
  peak_amplitude_max float8,
  peak_amplitude_mean float8,
  mean_amplitude_mean float8,
  mean_contraction_duration_ms float8,
  max_contraction_duration_ms float8,
  total_time_under_tension_ms float8,
  rms float8,
  mav float8,
  mpf float8,
  mdf float8,
  fatigue_index float8,
  signal_quality_score float8 check (signal_quality_score between 0 and 1),
  -- {rms|mav|mpf|mdf|fatigue_index: {mean, std, min, max, valid_windows, ...}}
  temporal_stats jsonb not null default '{}'::jsonb,
  -- The full per-channel analytics object, as the API returns it.
  analytics jsonb not null default '{}'::jsonb,
  processing_profile text not null,
  processing_parameters jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint emg_statistics_session_channel_key unique (session_id, channel_name)
);

drop trigger if exists emg_statistics_updated_at on public.emg_statistics;
create trigger emg_statistics_updated_at before update on public.emg_statistics
  for each row execute function public.set_updated_at();

alter table public.emg_statistics enable row level security;
revoke all on table public.emg_statistics from anon;
grant select, insert, update, delete on table public.emg_statistics to authenticated;

-- Derived by the pipeline: readable as the session is, written only by admins (and the service).
drop policy if exists emg_statistics_select on public.emg_statistics;
create policy emg_statistics_select on public.emg_statistics for select to authenticated
  using (public.can_read_session(session_id));
drop policy if exists emg_statistics_admin_write on public.emg_statistics;
create policy emg_statistics_admin_write on public.emg_statistics for all to authenticated
  using (public.is_admin()) with check (public.is_admin());

create table if not exists public.contractions (
  id bigint generated always as identity primary key,
  session_id uuid not null references public.therapy_sessions (id) on delete cascade,
  channel_name text not null,
  idx integer not null check (idx >= 0),
  start_sample integer not null check (start_sample >= 0),
  end_sample integer not null check (end_sample >= start_sample),
  start_time_ms float8 not null check (start_time_ms >= 0),
  end_time_ms float8 not null check (end_time_ms >= start_time_ms),
  duration_ms float8 not null check (duration_ms >= 0),
  mean_amplitude float8 not null,
  max_amplitude float8 not null,
  meets_mvc boolean,
  meets_duration boolean,
  is_good boolean not null default false,
  created_at timestamptz not null default now(),
  constraint contractions_session_channel_idx_key unique (session_id, channel_name, idx)
);

alter table public.contractions enable row level security;
revoke all on table public.contractions from anon;
grant select, insert, update, delete on table public.contractions to authenticated;

drop policy if exists contractions_select on public.contractions;
create policy contractions_select on public.contractions for select to authenticated
  using (public.can_read_session(session_id));
drop policy if exists contractions_admin_write on public.contractions;
create policy contractions_admin_write on public.contractions for all to authenticated
  using (public.is_admin()) with check (public.is_admin());

create table if not exists public.performance_scores (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null unique references public.therapy_sessions (id) on delete cascade,
  scoring_config_id uuid not null references public.scoring_configuration (id),
  overall_score float8 check (overall_score between 0 and 100),
  compliance_score float8 check (compliance_score between 0 and 100),
  symmetry_score float8 check (symmetry_score between 0 and 100),
  effort_score float8 check (effort_score between 0 and 100),
  game_score float8 check (game_score between 0 and 100),
  left_muscle_compliance float8 check (left_muscle_compliance between 0 and 100),
  right_muscle_compliance float8 check (right_muscle_compliance between 0 and 100),
  completion_rate_left float8 check (completion_rate_left between 0 and 1),
  completion_rate_right float8 check (completion_rate_right between 0 and 1),
  intensity_rate_left float8 check (intensity_rate_left between 0 and 1),
  intensity_rate_right float8 check (intensity_rate_right between 0 and 1),
  duration_rate_left float8 check (duration_rate_left between 0 and 1),
  duration_rate_right float8 check (duration_rate_right between 0 and 1),
  bfr_compliant boolean,
  bfr_pressure_aop float8 check (bfr_pressure_aop between 0 and 100),
  rpe_pre_session integer check (rpe_pre_session between 0 and 10),
  rpe_post_session integer check (rpe_post_session between 0 and 10),
  game_points_achieved integer check (game_points_achieved >= 0),
  game_points_max integer check (game_points_max >= 0),
  -- The weights actually applied, so a later edit of the configuration does not rewrite history.
  weights_used jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists performance_scores_config_idx on public.performance_scores (scoring_config_id);

drop trigger if exists performance_scores_updated_at on public.performance_scores;
create trigger performance_scores_updated_at before update on public.performance_scores
  for each row execute function public.set_updated_at();

create table if not exists public.session_settings (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null unique references public.therapy_sessions (id) on delete cascade,
  mvc_threshold_percentage float8 not null default 75 check (mvc_threshold_percentage > 0 and mvc_threshold_percentage <= 100),
  target_mvc75_ch1 float8 check (target_mvc75_ch1 > 0),
  target_mvc75_ch2 float8 check (target_mvc75_ch2 > 0),
  target_duration_ch1_ms float8 not null default 2000 check (target_duration_ch1_ms > 0),
  target_duration_ch2_ms float8 not null default 2000 check (target_duration_ch2_ms > 0),
  target_contractions_ch1 integer not null default 12 check (target_contractions_ch1 > 0),
  target_contractions_ch2 integer not null default 12 check (target_contractions_ch2 > 0),
  bfr_enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

drop trigger if exists session_settings_updated_at on public.session_settings;
create trigger session_settings_updated_at before update on public.session_settings
  for each row execute function public.set_updated_at();

create table if not exists public.bfr_monitoring (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.therapy_sessions (id) on delete cascade,
  channel_name text not null check (channel_name in ('CH1', 'CH2')),
  target_pressure_aop float8 check (target_pressure_aop between 0 and 100),
  actual_pressure_aop float8 check (actual_pressure_aop between 0 and 100),
  cuff_pressure_mmhg float8 check (cuff_pressure_mmhg >= 0),
  systolic_bp_mmhg float8 check (systolic_bp_mmhg between 80 and 250),
  diastolic_bp_mmhg float8 check (diastolic_bp_mmhg between 40 and 150),
  safety_compliant boolean,
  measurement_timestamp timestamptz not null default now(),
  measurement_method text not null default 'manual' check (measurement_method in ('sensor', 'manual', 'estimated')),
  compliance_validation_method text not null default 'user_input'
    check (compliance_validation_method in ('user_input', 'sensor', 'algorithm', 'estimated')),
  compliance_validated boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint bfr_monitoring_session_channel_key unique (session_id, channel_name)
);

drop trigger if exists bfr_monitoring_updated_at on public.bfr_monitoring;
create trigger bfr_monitoring_updated_at before update on public.bfr_monitoring
  for each row execute function public.set_updated_at();

-- Scores, settings and BFR carry subjective and clinician-entered data: the assigned therapist
-- may write them; researchers read.
do $$
declare
  t text;
begin
  foreach t in array array['performance_scores', 'session_settings', 'bfr_monitoring'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format('revoke all on table public.%I from anon', t);
    execute format('grant select, insert, update, delete on table public.%I to authenticated', t);
    execute format('drop policy if exists %I on public.%I', t || '_select', t);
    execute format(
      'create policy %I on public.%I for select to authenticated using (public.can_read_session(session_id))',
      t || '_select', t);
    execute format('drop policy if exists %I on public.%I', t || '_write', t);
    execute format(
      'create policy %I on public.%I for all to authenticated '
      'using (public.can_write_session(session_id)) with check (public.can_write_session(session_id))',
      t || '_write', t);
  end loop;
end
$$;
