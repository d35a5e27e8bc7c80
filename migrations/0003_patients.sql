-- Trial patients: the pseudonymised record (patients) and the PII kept apart
-- (patient_medical_info), with the ownership helpers that the policies of every table hanging
-- off a patient use.

create sequence if not exists public.patient_code_seq;
grant usage on sequence public.patient_code_seq to authenticated;

create table if not exists public.patients (
  id uuid primary key default gen_random_uuid(),
  patient_code text not null unique
    default 'P' || lpad(nextval('public.patient_code_seq')::text, 3, '0')
    check (patient_code ~ '^P[0-9]{3,}$'),
  therapist_id uuid not null references public.user_profiles (id),
  age_group text check (age_group in ('18-30', '31-50', '51-70', '71+')),
  gender text check (gender in ('M', 'F', 'NB', 'NS')),
  pathology_category text,
  active boolean not null default true,
  -- The original had CHECK (treatment_start_date <= now()), which is not immutable; dropped.
  treatment_start_date timestamptz not null default now(),
  total_sessions_planned integer not null default 30 check (total_sessions_planned between 1 and 100),
  current_mvc75_ch1 float8 check (current_mvc75_ch1 > 0),
  current_mvc75_ch2 float8 check (current_mvc75_ch2 > 0),
  current_target_ch1_ms float8 check (current_target_ch1_ms > 0),
  current_target_ch2_ms float8 check (current_target_ch2_ms > 0),
  bfr_target_lop_percentage_ch1 float8 not null default 50.0 check (bfr_target_lop_percentage_ch1 between 0 and 100),
  bfr_target_lop_percentage_ch2 float8 not null default 50.0 check (bfr_target_lop_percentage_ch2 between 0 and 100),
  last_assessment_date timestamptz,
  -- FK to scoring_configuration is added by the migration that creates that table.
  current_scoring_config_id uuid,
  scoring_config_updated_at timestamptz,
  scoring_config_updated_by uuid references public.user_profiles (id),
  -- Last allocated session number; see public.next_session_code().
  session_counter integer not null default 0 check (session_counter >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists patients_therapist_idx on public.patients (therapist_id, patient_code);

create or replace function public.stamp_patient_scoring_config() returns trigger
language plpgsql as $$
begin
  if new.current_scoring_config_id is distinct from old.current_scoring_config_id then
    new.scoring_config_updated_at := now();
    new.scoring_config_updated_by := coalesce(auth.uid(), new.scoring_config_updated_by);
  end if;
  return new;
end
$$;

drop trigger if exists patients_updated_at on public.patients;
create trigger patients_updated_at before update on public.patients
  for each row execute function public.set_updated_at();
drop trigger if exists patients_scoring_config_stamp on public.patients;
create trigger patients_scoring_config_stamp before update on public.patients
  for each row execute function public.stamp_patient_scoring_config();

-- True when the caller is an active therapist assigned to the patient.
create or replace function public.owns_patient(p_patient_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select public.is_active_therapist()
    and exists (select 1 from public.patients p where p.id = p_patient_id and p.therapist_id = auth.uid())
$$;

-- Pseudonymised patient data: admins, the assigned therapist, and researchers (read only).
create or replace function public.can_read_patient(p_patient_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select public.is_admin() or public.current_user_role() = 'researcher' or public.owns_patient(p_patient_id)
$$;

create or replace function public.can_write_patient(p_patient_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select public.is_admin() or public.owns_patient(p_patient_id)
$$;

revoke all on function public.owns_patient(uuid), public.can_read_patient(uuid), public.can_write_patient(uuid)
  from public;
grant execute on function public.owns_patient(uuid), public.can_read_patient(uuid), public.can_write_patient(uuid)
  to authenticated, service_role;

alter table public.patients enable row level security;
revoke all on table public.patients from anon;
grant select, insert, update, delete on table public.patients to authenticated;

drop policy if exists patients_select on public.patients;
create policy patients_select on public.patients for select to authenticated
  using (
    public.is_admin()
    or public.current_user_role() = 'researcher'
    or (therapist_id = auth.uid() and public.is_active_therapist())
  );
-- A therapist creates and edits only patients assigned to themself and cannot hand them over.
drop policy if exists patients_insert on public.patients;
create policy patients_insert on public.patients for insert to authenticated
  with check (public.is_admin() or (therapist_id = auth.uid() and public.is_active_therapist()));
drop policy if exists patients_update on public.patients;
create policy patients_update on public.patients for update to authenticated
  using (public.is_admin() or (therapist_id = auth.uid() and public.is_active_therapist()))
  with check (public.is_admin() or (therapist_id = auth.uid() and public.is_active_therapist()));
-- Deleting a patient cascades to their sessions: admins only.
drop policy if exists patients_admin_delete on public.patients;
create policy patients_admin_delete on public.patients for delete to authenticated
  using (public.is_admin());

create table if not exists public.patient_medical_info (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null unique references public.patients (id) on delete cascade,
  first_name text not null,
  last_name text not null,
  date_of_birth date not null,
  gender text not null,
  room_number text,
  admission_date date,
  primary_diagnosis text,
  mobility_status text not null default 'bed_rest',
  height_cm numeric(5, 2) check (height_cm > 0),
  weight_kg numeric(5, 2) check (weight_kg > 0),
  bmi_value numeric(4, 1),
  bmi_status text,
  cognitive_status text not null default 'alert',
  patient_status text not null default 'active',
  created_by uuid not null references public.user_profiles (id),
  updated_by uuid references public.user_profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create or replace function public.calculate_bmi() returns trigger
language plpgsql as $$
begin
  if new.height_cm is not null and new.height_cm > 0 and new.weight_kg is not null and new.weight_kg > 0 then
    new.bmi_value := round(new.weight_kg / ((new.height_cm / 100) ^ 2), 1);
    new.bmi_status := case
      when new.bmi_value < 18.5 then 'underweight'
      when new.bmi_value < 25 then 'normal'
      when new.bmi_value < 30 then 'overweight'
      else 'obese'
    end;
  else
    new.bmi_value := null;
    new.bmi_status := null;
  end if;
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    new.updated_by := coalesce(auth.uid(), new.updated_by);
  end if;
  return new;
end
$$;

drop trigger if exists patient_medical_info_bmi on public.patient_medical_info;
create trigger patient_medical_info_bmi before insert or update on public.patient_medical_info
  for each row execute function public.calculate_bmi();

-- Every change to PII is audited, whoever makes it; the entry is written with the definer's
-- rights because therapists cannot write audit_log themselves. Values are not copied into the
-- log (it would spread the PII), only which fields changed.
create or replace function public.audit_patient_medical_info() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  changed text[];
begin
  if tg_op = 'UPDATE' then
    select array_agg(n.key order by n.key) into changed
      from jsonb_each(to_jsonb(new)) n join jsonb_each(to_jsonb(old)) o using (key)
      where n.value is distinct from o.value and n.key not in ('updated_at', 'updated_by', 'bmi_value', 'bmi_status');
  end if;
  insert into public.audit_log (user_id, user_role, action, table_name, record_id, changes)
  values (
    auth.uid(),
    public.current_user_role(),
    'medical_info_' || lower(tg_op),
    'patient_medical_info',
    coalesce(new.patient_id, old.patient_id),
    jsonb_build_object('changed_fields', coalesce(to_jsonb(changed), '[]'::jsonb))
  );
  return null;
end
$$;

drop trigger if exists patient_medical_info_audit on public.patient_medical_info;
create trigger patient_medical_info_audit after insert or update or delete on public.patient_medical_info
  for each row execute function public.audit_patient_medical_info();

alter table public.patient_medical_info enable row level security;
revoke all on table public.patient_medical_info from anon;
grant select, insert, update, delete on table public.patient_medical_info to authenticated;

-- PII: admins and the assigned therapist only. Researchers never.
drop policy if exists patient_medical_info_all on public.patient_medical_info;
create policy patient_medical_info_all on public.patient_medical_info for all to authenticated
  using (public.can_write_patient(patient_id))
  with check (public.can_write_patient(patient_id));
