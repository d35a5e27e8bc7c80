-- The database as strict as the API, for clients that query tables directly (PostgREST with the
-- user's token): what a researcher, a therapist or an admin may read and write is decided here,
-- not only in the service. docs/security.md describes the result role by role.
--
-- Two kinds of context appear below. "Client" means a statement run under the API roles
-- (role anon or authenticated, as PostgREST and every user request of the service run).
-- Checks of who may write which column compare current_user, so that this file's own SECURITY
-- DEFINER functions (session numbering, freezing configuration versions) are trusted; checks of
-- cross-references compare current_setting('role'), which a SECURITY DEFINER function keeps, so a
-- client reaching a table through such a function is still checked. The service's own context
-- (no SET ROLE: the tables' owner) writes derived results and seeds data without either.

-- 1. Default privileges ------------------------------------------------------------------------
-- On Supabase, default privileges give anon and authenticated every privilege on every new table,
-- function and sequence of schema public, and PostgreSQL lets PUBLIC execute every new function.
-- From here on nothing is granted unless a migration grants it (section 8 re-grants explicitly).
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;

-- 2. The player's name out of researchers' reach -------------------------------------------------
-- The game writes SUBJECTS:PLAYER_NAME into game_metadata, and a clinic may type a real name
-- there. Researchers read every session, so the name lives in its own table, readable like the
-- patient's medical information (admins and the patient's therapist). A trigger moves it out of
-- game_metadata whoever writes the session; the service puts it back for those allowed to see it.
create table if not exists public.therapy_session_players (
  -- deferred: the BEFORE INSERT trigger of therapy_sessions writes this row before the session's own
  session_id uuid primary key references public.therapy_sessions (id) on delete cascade deferrable initially deferred,
  player_name text,
  updated_at timestamptz not null default now()
);
alter table public.therapy_session_players enable row level security;

drop policy if exists therapy_session_players_select on public.therapy_session_players;
create policy therapy_session_players_select on public.therapy_session_players for select to authenticated
  using (public.can_write_session(session_id));

create or replace function public.therapy_sessions_split_player_name() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.game_metadata ? 'player_name' then
    insert into public.therapy_session_players (session_id, player_name)
      values (new.id, new.game_metadata ->> 'player_name')
      on conflict (session_id) do update set player_name = excluded.player_name, updated_at = now();
    new.game_metadata := new.game_metadata - 'player_name';
  end if;
  return new;
end
$$;

drop trigger if exists therapy_sessions_player_name on public.therapy_sessions;
create trigger therapy_sessions_player_name before insert or update of game_metadata on public.therapy_sessions
  for each row execute function public.therapy_sessions_split_player_name();

-- Sessions stored before this migration: the trigger above moves their names.
update public.therapy_sessions set game_metadata = game_metadata where game_metadata ? 'player_name';

-- 3. Derived results: written by the service's processing context only ---------------------------
-- Statistics, contractions, scores and settings come from the analysis of the file; nobody
-- edits them through the API (subjective inputs are stored on the session and rescored by the
-- service). bfr_monitoring stays the therapist's to write.
drop policy if exists emg_statistics_admin_write on public.emg_statistics;
drop policy if exists contractions_admin_write on public.contractions;
drop policy if exists performance_scores_write on public.performance_scores;
drop policy if exists session_settings_write on public.session_settings;

-- 4. Scoring configurations ----------------------------------------------------------------------
-- A configuration that scored stored sessions cannot be deleted (it used to be detached from
-- them silently); deleting a patient still removes their sessions and configurations together,
-- as NO ACTION is checked at the end of the statement.
do $$
begin
  if exists (
    select 1 from pg_constraint
    where conname = 'therapy_sessions_scoring_config_id_fkey' and confdeltype <> 'a'
  ) then
    alter table public.therapy_sessions drop constraint therapy_sessions_scoring_config_id_fkey;
  end if;
  if not exists (select 1 from pg_constraint where conname = 'therapy_sessions_scoring_config_id_fkey') then
    alter table public.therapy_sessions add constraint therapy_sessions_scoring_config_id_fkey
      foreign key (scoring_config_id) references public.scoring_configuration (id);
  end if;
end
$$;

-- The weights, RPE table and targets a stored session was scored with never change. A frozen
-- version never changes at all. Changing a configuration that scored sessions first freezes its
-- values into a new version and moves those sessions and scores onto it, whoever makes the change
-- (the API freezes explicitly beforehand through freeze_scoring_config_version, so nothing is
-- left to move here; the original web client's trial configuration tab edits the row directly).
create or replace function public.scoring_configuration_keep_history() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  frozen uuid;
begin
  if old.superseded_at is not null then
    if (new.weight_compliance, new.weight_symmetry, new.weight_effort, new.weight_game, new.weight_completion,
        new.weight_intensity, new.weight_duration, new.rpe_mapping, new.target_defaults, new.is_global,
        new.therapist_id, new.patient_id, new.version, new.version_of, new.superseded_at, new.active)
      is distinct from
       (old.weight_compliance, old.weight_symmetry, old.weight_effort, old.weight_game, old.weight_completion,
        old.weight_intensity, old.weight_duration, old.rpe_mapping, old.target_defaults, old.is_global,
        old.therapist_id, old.patient_id, old.version, old.version_of, old.superseded_at, old.active) then
      raise exception 'A frozen version of a scoring configuration never changes' using errcode = '42501';
    end if;
    return new;
  end if;
  if (new.weight_compliance, new.weight_symmetry, new.weight_effort, new.weight_game, new.weight_completion,
      new.weight_intensity, new.weight_duration, new.rpe_mapping, new.target_defaults)
    is not distinct from
     (old.weight_compliance, old.weight_symmetry, old.weight_effort, old.weight_game, old.weight_completion,
      old.weight_intensity, old.weight_duration, old.rpe_mapping, old.target_defaults) then
    return new;
  end if;
  if not exists (select 1 from public.therapy_sessions s where s.scoring_config_id = old.id)
     and not exists (select 1 from public.performance_scores p where p.scoring_config_id = old.id) then
    return new;
  end if;
  insert into public.scoring_configuration (
    configuration_name, description,
    weight_compliance, weight_symmetry, weight_effort, weight_game,
    weight_completion, weight_intensity, weight_duration,
    rpe_mapping, target_defaults, active, is_global, therapist_id, patient_id, created_by,
    created_at, updated_at, version, version_of, superseded_at, activated_at
  ) values (
    old.configuration_name, old.description,
    old.weight_compliance, old.weight_symmetry, old.weight_effort, old.weight_game,
    old.weight_completion, old.weight_intensity, old.weight_duration,
    old.rpe_mapping, old.target_defaults, false, old.is_global, old.therapist_id, old.patient_id, old.created_by,
    old.created_at, old.updated_at, old.version, old.id, now(), old.activated_at
  ) returning id into frozen;
  update public.therapy_sessions set scoring_config_id = frozen where scoring_config_id = old.id;
  update public.performance_scores set scoring_config_id = frozen where scoring_config_id = old.id;
  if new.version = old.version then
    new.version := old.version + 1;
  end if;
  return new;
end
$$;

drop trigger if exists scoring_configuration_keep_history on public.scoring_configuration;
create trigger scoring_configuration_keep_history before update on public.scoring_configuration
  for each row execute function public.scoring_configuration_keep_history();

-- Clients do not write who created a configuration, nor its version bookkeeping.
create or replace function public.scoring_configuration_guard_columns() returns trigger
language plpgsql as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.created_by is not null and new.created_by is distinct from auth.uid() then
      raise exception 'created_by is the caller' using errcode = '42501';
    end if;
    new.created_by := auth.uid();
    if new.version_of is not null or new.superseded_at is not null or new.version <> 1 then
      raise exception 'Versions of a scoring configuration are made by the database' using errcode = '42501';
    end if;
  elsif new.created_by is distinct from old.created_by
     or new.version_of is distinct from old.version_of
     or new.superseded_at is distinct from old.superseded_at then
    raise exception 'created_by and the version bookkeeping do not change' using errcode = '42501';
  end if;
  return new;
end
$$;

drop trigger if exists scoring_configuration_guard_columns on public.scoring_configuration;
create trigger scoring_configuration_guard_columns before insert or update on public.scoring_configuration
  for each row execute function public.scoring_configuration_guard_columns();

-- Therapists read global configurations, their own and their own patients'; no longer those of
-- other therapists that happen to have scored a session of theirs (a patient moved between
-- therapists), which named the other therapist and their patient.
create or replace function public.can_read_scoring_config(
  p_config_id uuid, p_therapist_id uuid, p_patient_id uuid, p_is_global boolean
) returns boolean
language sql stable security definer set search_path = '' as $$
  select case
    when public.current_user_role() is null then false
    when not public.is_active_therapist() then true
    else p_is_global
      or p_therapist_id = auth.uid()
      or (p_patient_id is not null and public.owns_patient(p_patient_id))
  end
$$;

-- 5. Audit entries -----------------------------------------------------------------------------
-- The service appends entries through append_audit_entry(), which sets who, when and in which
-- role itself. The original web client's admin dashboard inserts its own entries directly; those
-- get the same fields set by the trigger below, whatever the client sent, and the policy of 0002
-- still requires them to be in the admin's own name. Therapists no longer insert directly (0011).
drop policy if exists audit_log_scoring_config_insert on public.audit_log;

create or replace function public.audit_log_stamp() returns trigger
language plpgsql as $$
begin
  if current_user in ('anon', 'authenticated') then
    new."timestamp" := now();
    new.created_at := now();
    new.user_role := public.current_user_role();
    new.ip_address := null;
  end if;
  return new;
end
$$;

drop trigger if exists audit_log_stamp on public.audit_log;
create trigger audit_log_stamp before insert on public.audit_log
  for each row execute function public.audit_log_stamp();

-- Admins may record entries about anything; therapists only about scoring configurations they
-- may write (or that no longer exist: a deletion is recorded after it).
create or replace function public.append_audit_entry(
  p_action text, p_table_name text, p_record_id uuid, p_changes jsonb
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  caller_role text := public.current_user_role();
  config public.scoring_configuration%rowtype;
  entry uuid;
begin
  if caller_role is null or coalesce(btrim(p_action), '') = '' or coalesce(btrim(p_table_name), '') = '' then
    raise exception 'Not allowed to write this audit entry' using errcode = '42501';
  end if;
  if caller_role <> 'admin' then
    if caller_role <> 'therapist' or p_table_name <> 'scoring_configuration' then
      raise exception 'Not allowed to write this audit entry' using errcode = '42501';
    end if;
    select * into config from public.scoring_configuration c where c.id = p_record_id;
    if found and not public.can_write_scoring_scope(config.therapist_id, config.patient_id, config.is_global) then
      raise exception 'Not allowed to write this audit entry' using errcode = '42501';
    end if;
  end if;
  insert into public.audit_log ("timestamp", user_id, user_role, action, table_name, record_id, changes, ip_address, created_at)
    values (now(), auth.uid(), caller_role, p_action, p_table_name, p_record_id, p_changes, null, now())
    returning id into entry;
  return entry;
end
$$;

-- 6. Cross-references --------------------------------------------------------------------------
-- A client's patient belongs to an active therapist, and the configuration assigned to it is
-- global, its therapist's (therapist-wide) or its own.
create or replace function public.patients_check_refs() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  config public.scoring_configuration%rowtype;
begin
  if current_setting('role', true) not in ('anon', 'authenticated') then
    return new;
  end if;
  if (tg_op = 'INSERT' or new.therapist_id is distinct from old.therapist_id)
     and not exists (
       select 1 from public.user_profiles u where u.id = new.therapist_id and u.role = 'therapist' and u.active
     ) then
    raise exception 'A patient''s therapist is an active therapist' using errcode = '23514';
  end if;
  if new.current_scoring_config_id is not null
     and (tg_op = 'INSERT' or new.current_scoring_config_id is distinct from old.current_scoring_config_id) then
    select * into config from public.scoring_configuration c where c.id = new.current_scoring_config_id;
    if not found or not (
      config.is_global
      or (config.therapist_id = new.therapist_id and (config.patient_id is null or config.patient_id = new.id))
    ) then
      raise exception 'The configuration is not global, the therapist''s or this patient''s' using errcode = '23514';
    end if;
  end if;
  return new;
end
$$;

drop trigger if exists patients_check_refs on public.patients;
create trigger patients_check_refs before insert or update on public.patients
  for each row execute function public.patients_check_refs();

-- Clients never set the session counter (session codes would collide) nor who assigned the
-- configuration (stamped by patients_scoring_config_stamp when it changes).
create or replace function public.patients_guard_columns() returns trigger
language plpgsql as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.session_counter <> 0 then
      raise exception 'session_counter is kept by the database' using errcode = '42501';
    end if;
    if new.scoring_config_updated_by is not null and new.scoring_config_updated_by is distinct from auth.uid() then
      raise exception 'scoring_config_updated_by is the caller' using errcode = '42501';
    end if;
    if new.current_scoring_config_id is not null then
      new.scoring_config_updated_by := auth.uid();
      new.scoring_config_updated_at := now();
    end if;
    return new;
  end if;
  if new.session_counter is distinct from old.session_counter then
    raise exception 'session_counter is kept by the database' using errcode = '42501';
  end if;
  if new.current_scoring_config_id is not distinct from old.current_scoring_config_id
     and (new.scoring_config_updated_by is distinct from old.scoring_config_updated_by
          or new.scoring_config_updated_at is distinct from old.scoring_config_updated_at) then
    raise exception 'scoring_config_updated_by/_at follow the configuration' using errcode = '42501';
  end if;
  return new;
end
$$;

drop trigger if exists patients_guard_columns on public.patients;
create trigger patients_guard_columns before insert or update on public.patients
  for each row execute function public.patients_guard_columns();

-- A session's therapist is its patient's therapist.
create or replace function public.therapy_sessions_check_refs() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if current_setting('role', true) not in ('anon', 'authenticated') then
    return new;
  end if;
  if (tg_op = 'INSERT' or new.therapist_id is distinct from old.therapist_id or new.patient_id is distinct from old.patient_id)
     and new.therapist_id is distinct from (select p.therapist_id from public.patients p where p.id = new.patient_id) then
    raise exception 'A session''s therapist is its patient''s therapist' using errcode = '23514';
  end if;
  return new;
end
$$;

-- after therapy_sessions_defaults (alphabetical), which fills therapist_id
drop trigger if exists therapy_sessions_xrefs on public.therapy_sessions;
create trigger therapy_sessions_xrefs before insert or update on public.therapy_sessions
  for each row execute function public.therapy_sessions_check_refs();

-- The medical information's creator is whoever created it.
create or replace function public.patient_medical_info_guard_columns() returns trigger
language plpgsql as $$
begin
  if current_user in ('anon', 'authenticated')
     and (case when tg_op = 'INSERT' then new.created_by is distinct from auth.uid()
               else new.created_by is distinct from old.created_by end) then
    raise exception 'created_by is the caller and does not change' using errcode = '42501';
  end if;
  return new;
end
$$;

drop trigger if exists patient_medical_info_guard_columns on public.patient_medical_info;
create trigger patient_medical_info_guard_columns before insert or update on public.patient_medical_info
  for each row execute function public.patient_medical_info_guard_columns();

-- As in 0009, except that a client naming a session it may not write gets the same refusal as for
-- a session that does not exist (the foreign-key error told which ids exist), and a note about a
-- session belongs to that session's patient.
create or replace function public.clinical_notes_resolve_target() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  owner_id uuid;
  session_path text;
  client boolean := current_setting('role', true) in ('anon', 'authenticated');
begin
  if new.session_id is not null then
    select s.patient_id, s.file_path into owner_id, session_path from public.therapy_sessions s where s.id = new.session_id;
    if client and (owner_id is null or not public.can_write_patient(owner_id)) then
      raise exception 'Session % is not one of your sessions', new.session_id using errcode = '42501';
    end if;
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

-- 7. Codes without sequence privileges -----------------------------------------------------------
-- Clients get no privilege on any sequence: codes are drawn by SECURITY DEFINER triggers and
-- functions. Patient codes move from the column default (evaluated with the caller's rights)
-- to a trigger; a code given explicitly is kept.
alter table public.patients alter column patient_code drop default;

create or replace function public.assign_patient_code() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.patient_code is null then
    new.patient_code := 'P' || public.code_number(nextval('public.patient_code_seq'));
  end if;
  return new;
end
$$;

drop trigger if exists patients_assign_code on public.patients;
create trigger patients_assign_code before insert on public.patients
  for each row execute function public.assign_patient_code();

create or replace function public.assign_user_code() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.user_code is null then
    new.user_code := case new.role
      when 'therapist' then 'T' || public.code_number(nextval('public.therapist_code_seq'))
      when 'researcher' then 'R' || public.code_number(nextval('public.researcher_code_seq'))
      else 'A' || public.code_number(nextval('public.admin_code_seq'))
    end;
  end if;
  return new;
end
$$;

-- As in 0012, with the definer's rights (clients cannot write session_counter themselves) and
-- the caller's right to write the patient checked here; a patient the client may not write is
-- "not found", like one that does not exist.
create or replace function public.next_session_code(p_patient_id uuid) returns text
language plpgsql security definer set search_path = '' as $$
declare
  code text;
begin
  if current_setting('role', true) in ('anon', 'authenticated') and not public.can_write_patient(p_patient_id) then
    raise exception 'patient % not found', p_patient_id using errcode = 'P0002';
  end if;
  update public.patients set session_counter = session_counter + 1
    where id = p_patient_id
    returning patient_code || 'S' || public.code_number(session_counter) into code;
  if code is null then
    raise exception 'patient % not found', p_patient_id using errcode = 'P0002';
  end if;
  return code;
end
$$;

-- 8. Grants, explicit and minimal ----------------------------------------------------------------
-- Whatever the platform granted before (Supabase: everything to anon and authenticated), the API
-- roles end up with exactly this: anon nothing; authenticated the operations below, each still
-- filtered by the policies; no TRUNCATE (it ignores RLS), REFERENCES or TRIGGER; no sequence.
revoke all on all tables in schema public from anon;
revoke truncate, references, trigger on all tables in schema public from authenticated;
revoke all on all sequences in schema public from anon, authenticated;
revoke all on table public.schema_migrations from anon, authenticated;

do $$
declare
  grant_row record;
begin
  for grant_row in
    select * from (values
      ('user_profiles', 'select, insert, update, delete'),
      ('audit_log', 'select, insert'),
      ('patients', 'select, insert, update, delete'),
      ('patient_medical_info', 'select, insert, update, delete'),
      ('scoring_configuration', 'select, insert, update, delete'),
      ('therapy_sessions', 'select, insert, update, delete'),
      ('therapy_session_players', 'select'),
      ('emg_statistics', 'select'),
      ('contractions', 'select'),
      ('performance_scores', 'select'),
      ('session_settings', 'select'),
      ('bfr_monitoring', 'select, insert, update, delete'),
      ('clinical_notes', 'select, insert, update, delete'),
      ('frontend_logs', 'select, insert')
    ) as g (table_name, privileges)
  loop
    execute format('revoke all on table public.%I from authenticated', grant_row.table_name);
    execute format('grant %s on table public.%I to authenticated', grant_row.privileges, grant_row.table_name);
  end loop;
end
$$;
grant all on table public.therapy_session_players to service_role;

-- Functions: nobody but the owner and service_role by default; authenticated executes the
-- helpers its policies call and the functions meant as RPCs (each checks the caller itself).
-- Trigger functions are executed by their triggers without this privilege.
revoke all on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
grant execute on function
  public.current_user_role(),
  public.is_admin(),
  public.is_active_therapist(),
  public.is_active_user(),
  public.owns_patient(uuid),
  public.can_read_patient(uuid),
  public.can_write_patient(uuid),
  public.can_read_session(uuid),
  public.can_write_session(uuid),
  public.can_write_scoring_scope(uuid, uuid, boolean),
  public.can_read_scoring_config(uuid, uuid, uuid, boolean),
  public.admin_user_emails(),
  public.get_users_with_emails(),
  public.get_session_scoring_config(uuid, uuid),
  public.freeze_scoring_config_version(uuid),
  public.next_session_code(uuid),
  public.get_patient_code_from_storage_path(text),
  public.code_number(bigint),
  public.append_audit_entry(text, text, uuid, jsonb)
to authenticated;
