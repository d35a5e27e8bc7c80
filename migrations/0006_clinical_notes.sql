-- Clinicians' free-text notes about a patient or one of their sessions. Notes may name the
-- patient, so researchers have no access; the assigned therapist reads all notes about their
-- patients and edits only their own.

create table if not exists public.clinical_notes (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null references public.user_profiles (id),
  patient_id uuid not null references public.patients (id) on delete cascade,
  session_id uuid references public.therapy_sessions (id) on delete cascade,
  note_type text not null check (note_type in ('patient', 'session')),
  title varchar(255) not null default 'Note',
  content text not null check (length(btrim(content)) between 1 and 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint clinical_notes_type_matches check ((note_type = 'session') = (session_id is not null))
);
create index if not exists clinical_notes_patient_idx on public.clinical_notes (patient_id, created_at desc);
create index if not exists clinical_notes_session_idx on public.clinical_notes (session_id) where session_id is not null;
create index if not exists clinical_notes_author_idx on public.clinical_notes (author_id);

drop trigger if exists clinical_notes_updated_at on public.clinical_notes;
create trigger clinical_notes_updated_at before update on public.clinical_notes
  for each row execute function public.set_updated_at();

alter table public.clinical_notes enable row level security;
revoke all on table public.clinical_notes from anon;
grant select, insert, update, delete on table public.clinical_notes to authenticated;

drop policy if exists clinical_notes_select on public.clinical_notes;
create policy clinical_notes_select on public.clinical_notes for select to authenticated
  using (public.can_write_patient(patient_id));
drop policy if exists clinical_notes_insert on public.clinical_notes;
create policy clinical_notes_insert on public.clinical_notes for insert to authenticated
  with check (author_id = auth.uid() and public.can_write_patient(patient_id));
drop policy if exists clinical_notes_update on public.clinical_notes;
create policy clinical_notes_update on public.clinical_notes for update to authenticated
  using (public.is_admin() or (author_id = auth.uid() and public.owns_patient(patient_id)))
  with check (public.is_admin() or (author_id = auth.uid() and public.owns_patient(patient_id)));
drop policy if exists clinical_notes_delete on public.clinical_notes;
create policy clinical_notes_delete on public.clinical_notes for delete to authenticated
  using (public.is_admin() or (author_id = auth.uid() and public.owns_patient(patient_id)));
