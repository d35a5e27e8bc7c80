-- export_history: every export of session data (one session, one patient, or a queued cohort),
-- the original's table (spec 8.1, never written there) with what a queued export needs: scope,
-- filters, pseudonymisation, status, progress, counts and where the artifact is. Written only by
-- the service (exports run in a named service context); admins and researchers read their own
-- rows, nobody else reads any.

create table if not exists public.export_history (
  id uuid primary key default gen_random_uuid(),
  session_id uuid references public.therapy_sessions (id) on delete set null,
  patient_id uuid references public.patients (id) on delete set null,
  exported_by uuid not null references public.user_profiles (id),
  exported_by_role text not null check (exported_by_role in ('admin', 'therapist', 'researcher')),
  scope text not null check (scope in ('session', 'patient', 'cohort')),
  export_config jsonb not null default '{}'::jsonb,
  export_format text not null check (export_format in ('json', 'csv', 'bids', 'excel', 'matlab')),
  channels_included text[],
  downsampling_factor integer check (downsampling_factor is null or downsampling_factor >= 1),
  pseudonymised boolean not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
  progress integer not null default 0 check (progress between 0 and 100),
  sessions_total integer check (sessions_total is null or sessions_total >= 0),
  sessions_exported integer not null default 0 check (sessions_exported >= 0),
  -- {sessions, channels, contractions, files}
  counts jsonb not null default '{}'::jsonb,
  -- Object-storage prefix of the artifact, stored as numbered parts; set only once complete.
  artifact_path text,
  artifact_parts integer check (artifact_parts is null or artifact_parts >= 1),
  artifact_bytes bigint check (artifact_bytes is null or artifact_bytes >= 0),
  content_type text,
  file_name text,
  error_code text,
  error_message text,
  exported_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  -- A completed cohort export always says where its download is.
  constraint export_history_complete_artifact check (
    status <> 'completed' or scope <> 'cohort' or (artifact_path is not null and artifact_parts is not null)
  )
);
create index if not exists export_history_exported_by_idx on public.export_history (exported_by, exported_at desc);
create index if not exists export_history_unfinished_idx on public.export_history (status)
  where status in ('queued', 'running');

drop trigger if exists export_history_updated_at on public.export_history;
create trigger export_history_updated_at before update on public.export_history
  for each row execute function public.set_updated_at();

alter table public.export_history enable row level security;
revoke all on table public.export_history from anon;
revoke insert, update, delete on table public.export_history from authenticated;
grant select on table public.export_history to authenticated;

drop policy if exists export_history_own_select on public.export_history;
create policy export_history_own_select on public.export_history for select to authenticated
  using (
    exported_by = auth.uid()
    and public.current_user_role() in ('admin', 'researcher')
  );
