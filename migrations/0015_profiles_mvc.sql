-- Processing profiles and MVC calibration (issue 18).
--  * patients.default_profile: the profile a patient's sessions are processed with when the
--    request names none (null = the service default, ghostly-v1).
--  * therapy_sessions.processing_profile: the profile a session was requested with (null = the
--    patient's default at processing time); reprocessing uses it again.
--  * patient_mvc_baselines: MVC calibrations with their history (who, when, from which file or
--    session, method). Later sessions of the patient use the latest one when the upload gives
--    no MVC. Rows are never changed: a new calibration is a new row.
-- Profile names are the registered ones (libs/emg/src/profiles/registry.ts); a new profile adds
-- its name to these checks in its own migration.

alter table public.patients add column if not exists default_profile text;
alter table public.patients drop constraint if exists patients_default_profile_check;
alter table public.patients add constraint patients_default_profile_check
  check (default_profile is null or default_profile in ('ghostly-v1', 'seniam-v1'));

alter table public.therapy_sessions add column if not exists processing_profile text;
alter table public.therapy_sessions drop constraint if exists therapy_sessions_processing_profile_check;
alter table public.therapy_sessions add constraint therapy_sessions_processing_profile_check
  check (processing_profile is null or processing_profile in ('ghostly-v1', 'seniam-v1'));

create table if not exists public.patient_mvc_baselines (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references public.patients (id) on delete cascade,
  -- {"<profile>": {"<channel>": MVC in V}}: each profile's own envelope, so a session is
  -- normalised by the envelope it is analysed with
  mvc_values jsonb not null check (jsonb_typeof(mvc_values) = 'object'),
  -- {"<profile>": {"<channel>": {value, window_start_s, window_end_s}}}
  windows jsonb not null default '{}'::jsonb,
  method text not null default 'best_window_mean' check (method in ('best_window_mean')),
  window_ms integer not null check (window_ms between 100 and 5000),
  source text not null check (source in ('file', 'session')),
  source_file_name text,
  source_file_hash text check (source_file_hash is null or source_file_hash ~ '^[0-9a-f]{64}$'),
  source_session_id uuid references public.therapy_sessions (id) on delete set null,
  created_by uuid not null default auth.uid() references public.user_profiles (id),
  created_at timestamptz not null default now(),
  constraint patient_mvc_baselines_source_matches check (source = 'session' or source_session_id is null)
);
create index if not exists patient_mvc_baselines_patient_idx
  on public.patient_mvc_baselines (patient_id, created_at desc, id desc);

-- The patient's therapist and admins; researchers read sessions, not calibrations.
alter table public.patient_mvc_baselines enable row level security;
revoke all on table public.patient_mvc_baselines from anon, authenticated;
grant select, insert on table public.patient_mvc_baselines to authenticated;

drop policy if exists patient_mvc_baselines_select on public.patient_mvc_baselines;
create policy patient_mvc_baselines_select on public.patient_mvc_baselines for select to authenticated
  using (public.is_admin() or public.owns_patient(patient_id));
drop policy if exists patient_mvc_baselines_insert on public.patient_mvc_baselines;
create policy patient_mvc_baselines_insert on public.patient_mvc_baselines for insert to authenticated
  with check (created_by = auth.uid() and (public.is_admin() or public.owns_patient(patient_id)));
-- no update or delete policy: the history is append-only (a deleted patient takes it along)
