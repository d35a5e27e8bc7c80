-- Versions of scoring configurations, explicit activation, narrower visibility for therapists,
-- and audit entries for configuration changes.
--
-- A configuration keeps its id when its weights are edited (patients' current configuration and
-- the trial default's fixed id follow the edit). The values it had before are frozen into a new,
-- inactive row (version_of = the configuration, superseded_at set) and the sessions and scores
-- computed with them are moved onto that row, so that they keep the weights they were scored with.

alter table public.scoring_configuration add column if not exists version integer not null default 1;
alter table public.scoring_configuration add column if not exists version_of uuid
  references public.scoring_configuration (id) on delete set null;
alter table public.scoring_configuration add column if not exists superseded_at timestamptz;
alter table public.scoring_configuration add column if not exists activated_at timestamptz;

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'scoring_configuration_version_positive') then
    alter table public.scoring_configuration add constraint scoring_configuration_version_positive
      check (version >= 1);
  end if;
  -- A frozen version never scores new sessions.
  if not exists (select 1 from pg_constraint where conname = 'scoring_configuration_frozen_inactive') then
    alter table public.scoring_configuration add constraint scoring_configuration_frozen_inactive
      check (superseded_at is null or not active);
  end if;
end
$$;

create index if not exists scoring_configuration_version_of_idx on public.scoring_configuration (version_of)
  where version_of is not null;
create index if not exists therapy_sessions_scoring_config_idx on public.therapy_sessions (scoring_config_id);

-- Freezes the current values of a configuration into a new inactive row when stored sessions or
-- scores use them, and moves those sessions and scores onto it. Returns the frozen row's id, or
-- null when nothing used the configuration (it can then be edited in place). Runs with the
-- definer's rights because the sessions may be hidden from the caller; the caller must be allowed
-- to write the configuration itself.
create or replace function public.freeze_scoring_config_version(p_config_id uuid) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  c public.scoring_configuration%rowtype;
  frozen uuid;
begin
  select * into c from public.scoring_configuration where id = p_config_id for update;
  if not found or c.superseded_at is not null then
    return null;
  end if;
  if not public.can_write_scoring_scope(c.therapist_id, c.patient_id, c.is_global) then
    raise exception 'may not version scoring configuration %', p_config_id using errcode = '42501';
  end if;
  if not exists (select 1 from public.therapy_sessions s where s.scoring_config_id = p_config_id)
     and not exists (select 1 from public.performance_scores p where p.scoring_config_id = p_config_id) then
    return null;
  end if;
  insert into public.scoring_configuration (
    configuration_name, description,
    weight_compliance, weight_symmetry, weight_effort, weight_game,
    weight_completion, weight_intensity, weight_duration,
    rpe_mapping, target_defaults, active, is_global, therapist_id, patient_id, created_by,
    created_at, updated_at, version, version_of, superseded_at, activated_at
  ) values (
    c.configuration_name, c.description,
    c.weight_compliance, c.weight_symmetry, c.weight_effort, c.weight_game,
    c.weight_completion, c.weight_intensity, c.weight_duration,
    c.rpe_mapping, c.target_defaults, false, c.is_global, c.therapist_id, c.patient_id, c.created_by,
    c.created_at, c.updated_at, c.version, c.id, now(), c.activated_at
  ) returning id into frozen;
  update public.therapy_sessions set scoring_config_id = frozen where scoring_config_id = p_config_id;
  update public.performance_scores set scoring_config_id = frozen where scoring_config_id = p_config_id;
  return frozen;
end
$$;
revoke all on function public.freeze_scoring_config_version(uuid) from public;
grant execute on function public.freeze_scoring_config_version(uuid) to authenticated, service_role;

-- As in 0005, except that the global step honours explicit activation: the active global
-- configuration activated last wins; without any activation the trial default does, then the
-- newest active global one.
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
    where c.is_global and c.active
    order by c.activated_at desc nulls last,
      (c.id = 'a0000000-0000-0000-0000-000000000001'::uuid) desc,
      c.created_at desc
    limit 1;
  return result;
end
$$;

-- Therapists see global configurations, their own, their own patients', and any that scored a
-- session of one of their patients; admins and researchers see all.
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
      or exists (
        select 1 from public.therapy_sessions s
        where s.scoring_config_id = p_config_id and public.owns_patient(s.patient_id)
      )
  end
$$;
revoke all on function public.can_read_scoring_config(uuid, uuid, uuid, boolean) from public;
grant execute on function public.can_read_scoring_config(uuid, uuid, uuid, boolean) to authenticated, service_role;

drop policy if exists scoring_configuration_select on public.scoring_configuration;
create policy scoring_configuration_select on public.scoring_configuration for select to authenticated
  using (public.can_read_scoring_config(id, therapist_id, patient_id, is_global));

-- Therapists may append audit entries about scoring configurations, in their own name only
-- (admins may already append any entry in their own name).
drop policy if exists audit_log_scoring_config_insert on public.audit_log;
create policy audit_log_scoring_config_insert on public.audit_log for insert to authenticated
  with check (
    public.is_active_therapist() and user_id = auth.uid() and table_name = 'scoring_configuration'
  );
