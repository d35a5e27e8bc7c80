-- What the original's web client reads and writes directly through PostgREST with the user's
-- token: notes on a stored C3D file (clinical_notes.note_type 'file', keyed by file_path) next to
-- this service's patient and session notes, the admin RPC get_users_with_emails() and the
-- original's derived columns it selects.
-- PostgREST embeds through foreign keys: patients -> patient_medical_info (patient_id) and
-- therapy_sessions -> performance_scores (session_id) already have exactly one each.

-- "<bucket>/P001/<file>" (therapy_sessions.file_path) or "P001/<file>" (a storage object key).
create or replace function public.get_patient_code_from_storage_path(file_path text) returns text
language sql immutable as $$
  select case
    when file_path ~ '^P[0-9]+/' then split_part(file_path, '/', 1)
    when file_path ~ '^[^/]+/P[0-9]+/' then split_part(file_path, '/', 2)
  end
$$;
grant execute on function public.get_patient_code_from_storage_path(text) to authenticated, service_role;

-- Clinical notes ------------------------------------------------------------------------------
-- patient: about the patient; session: about one session (file_path copied from the session, so
-- the client's per-file queries find it); file: about a stored file, the client's kind, whose
-- patient comes from the path. The author defaults to the caller, as the client may omit it.
alter table public.clinical_notes add column if not exists file_path text;
alter table public.clinical_notes alter column author_id set default auth.uid();
alter table public.clinical_notes alter column title set default 'Note Clinique';
alter table public.clinical_notes drop constraint if exists clinical_notes_note_type_check;
alter table public.clinical_notes drop constraint if exists clinical_notes_type_matches;
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'clinical_notes_target_check') then
    alter table public.clinical_notes add constraint clinical_notes_target_check check (
      (file_path is null or length(file_path) between 1 and 1024)
      and case note_type
        when 'patient' then session_id is null and file_path is null
        when 'session' then session_id is not null
        when 'file' then session_id is null and file_path is not null
        else false
      end
    );
  end if;
end
$$;
create index if not exists clinical_notes_file_path_idx on public.clinical_notes (file_path)
  where file_path is not null;

-- Fills patient_id (and a session note's file_path) from what the note is about. It reads past
-- the caller's RLS only to find the owner; the insert policy then decides on that owner.
create or replace function public.clinical_notes_resolve_target() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  owner_id uuid;
  session_path text;
begin
  if new.session_id is not null then
    select s.patient_id, s.file_path into owner_id, session_path from public.therapy_sessions s where s.id = new.session_id;
    if owner_id is null then
      raise exception 'Session % does not exist', new.session_id using errcode = '23503';
    end if;
    new.file_path := session_path;
  elsif new.file_path is not null then
    select p.id into owner_id from public.patients p
      where p.patient_code = public.get_patient_code_from_storage_path(new.file_path);
    if owner_id is null then
      raise exception 'file_path % names no known patient (expected <bucket>/P001/<file>)', new.file_path
        using errcode = '23514';
    end if;
  else
    return new;
  end if;
  if new.patient_id is not null and new.patient_id <> owner_id then
    raise exception 'The note''s patient_id is not the patient its session or file belongs to'
      using errcode = '23514';
  end if;
  new.patient_id := owner_id;
  return new;
end
$$;

drop trigger if exists clinical_notes_resolve_target on public.clinical_notes;
create trigger clinical_notes_resolve_target before insert on public.clinical_notes
  for each row execute function public.clinical_notes_resolve_target();

-- A note keeps its author and what it is about; only title and content change. RLS WITH CHECK
-- cannot compare with the old row, hence the trigger (refused as insufficient_privilege).
create or replace function public.clinical_notes_keep_target() returns trigger
language plpgsql as $$
begin
  if new.author_id is distinct from old.author_id
    or new.patient_id is distinct from old.patient_id
    or new.session_id is distinct from old.session_id
    or new.file_path is distinct from old.file_path
    or new.note_type is distinct from old.note_type then
    raise exception 'A clinical note keeps its author, type and subject; only title and content change'
      using errcode = '42501';
  end if;
  return new;
end
$$;

drop trigger if exists clinical_notes_keep_target on public.clinical_notes;
create trigger clinical_notes_keep_target before update on public.clinical_notes
  for each row execute function public.clinical_notes_keep_target();

-- The policies of 0006 stand: admins and the patient's active therapist read every note about the
-- patient (researchers none: free text may name the patient); a note is created only in one's own
-- name; the author (while the patient's therapist) or an admin edits or deletes it.

-- get_users_with_emails() ---------------------------------------------------------------------
-- The original's admin RPC (its return columns); anyone else gets an error, as in the original.
create or replace function public.get_users_with_emails()
returns table (
  id uuid,
  email varchar(255),
  role text,
  first_name text,
  last_name text,
  institution text,
  department text,
  access_level text,
  active boolean,
  created_at timestamptz,
  last_sign_in_at timestamptz,
  user_code text
)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  if not public.is_admin() then
    raise exception 'Only administrators may list users with their e-mail addresses' using errcode = '42501';
  end if;
  return query
    select p.id, u.email::varchar(255), p.role, p.first_name, p.last_name, p.institution, p.department,
      p.access_level, p.active, p.created_at, u.last_sign_in_at, p.user_code
    from public.user_profiles p
    join auth.users u on u.id = p.id
    order by p.created_at desc, p.id;
end
$$;

revoke all on function public.get_users_with_emails() from public;
grant execute on function public.get_users_with_emails() to authenticated, service_role;

-- Derived columns the client selects ----------------------------------------------------------
alter table public.user_profiles add column if not exists full_name_override text;
alter table public.user_profiles add column if not exists full_name text generated always as (
  case
    when first_name is not null and last_name is not null then first_name || ' ' || last_name
    else coalesce(full_name_override, 'Unknown User')
  end
) stored;
alter table public.therapy_sessions add column if not exists processing_error_message text
  generated always as (error_message) stored;
