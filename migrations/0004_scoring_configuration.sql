-- Scoring weights: the global GHOSTLY-TRIAL-DEFAULT plus optional therapist- and patient-scoped
-- configurations (the original's routes wrote therapist_id/patient_id, which its schema lacked).

create table if not exists public.scoring_configuration (
  id uuid primary key default gen_random_uuid(),
  configuration_name text not null check (length(configuration_name) between 1 and 100),
  description text check (description is null or length(description) <= 500),
  weight_compliance float8 not null default 0.50 check (weight_compliance between 0 and 1),
  weight_symmetry float8 not null default 0.25 check (weight_symmetry between 0 and 1),
  weight_effort float8 not null default 0.25 check (weight_effort between 0 and 1),
  weight_game float8 not null default 0.00 check (weight_game between 0 and 1),
  weight_completion float8 not null default 0.333 check (weight_completion between 0 and 1),
  weight_intensity float8 not null default 0.333 check (weight_intensity between 0 and 1),
  weight_duration float8 not null default 0.334 check (weight_duration between 0 and 1),
  rpe_mapping jsonb,
  target_defaults jsonb not null default '{"mvc_threshold_percentage":75,"target_duration_ch1_ms":2000,"target_duration_ch2_ms":2000,"target_contractions_ch1":12,"target_contractions_ch2":12,"bfr_target_lop_percentage_ch1":50,"bfr_target_lop_percentage_ch2":50}'::jsonb,
  active boolean not null default false,
  is_global boolean not null default false,
  therapist_id uuid references public.user_profiles (id) on delete cascade,
  patient_id uuid references public.patients (id) on delete cascade,
  created_by uuid references public.user_profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint scoring_configuration_main_weights_sum
    check (abs(weight_compliance + weight_symmetry + weight_effort + weight_game - 1) <= 0.001),
  constraint scoring_configuration_sub_weights_sum
    check (abs(weight_completion + weight_intensity + weight_duration - 1) <= 0.001),
  -- A patient-scoped configuration names the patient's therapist too; a global one names neither.
  constraint scoring_configuration_scope
    check ((patient_id is null or therapist_id is not null) and not (is_global and therapist_id is not null))
);
create index if not exists scoring_configuration_scope_idx
  on public.scoring_configuration (therapist_id, patient_id, active, created_at desc);
create index if not exists scoring_configuration_patient_idx on public.scoring_configuration (patient_id)
  where patient_id is not null;

drop trigger if exists scoring_configuration_updated_at on public.scoring_configuration;
create trigger scoring_configuration_updated_at before update on public.scoring_configuration
  for each row execute function public.set_updated_at();

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'patients_current_scoring_config_id_fkey') then
    alter table public.patients add constraint patients_current_scoring_config_id_fkey
      foreign key (current_scoring_config_id) references public.scoring_configuration (id) on delete set null;
  end if;
end
$$;

-- The trial default may be edited but never deactivated, descoped or deleted.
create or replace function public.protect_trial_config() returns trigger
language plpgsql as $$
begin
  if old.id = 'a0000000-0000-0000-0000-000000000001'::uuid then
    if tg_op = 'DELETE' then
      raise exception 'GHOSTLY-TRIAL-DEFAULT cannot be deleted' using errcode = 'P0001';
    end if;
    if not new.active or not new.is_global or new.id <> old.id then
      raise exception 'GHOSTLY-TRIAL-DEFAULT must stay active and global' using errcode = 'P0001';
    end if;
  end if;
  return coalesce(new, old);
end
$$;

drop trigger if exists scoring_configuration_protect_trial on public.scoring_configuration;
create trigger scoring_configuration_protect_trial before update or delete on public.scoring_configuration
  for each row execute function public.protect_trial_config();

alter table public.scoring_configuration enable row level security;
revoke all on table public.scoring_configuration from anon;
grant select, insert, update, delete on table public.scoring_configuration to authenticated;

-- A therapist may write configurations scoped to themself, either therapist-wide or for one of
-- their own patients; global ones are admin-only.
create or replace function public.can_write_scoring_scope(p_therapist_id uuid, p_patient_id uuid, p_is_global boolean)
returns boolean
language sql stable security definer set search_path = '' as $$
  select public.is_admin()
    or (
      public.is_active_therapist()
      and not p_is_global
      and p_therapist_id = auth.uid()
      and (p_patient_id is null or public.owns_patient(p_patient_id))
    )
$$;
revoke all on function public.can_write_scoring_scope(uuid, uuid, boolean) from public;
grant execute on function public.can_write_scoring_scope(uuid, uuid, boolean) to authenticated, service_role;

drop policy if exists scoring_configuration_select on public.scoring_configuration;
create policy scoring_configuration_select on public.scoring_configuration for select to authenticated
  using (public.is_active_user());
drop policy if exists scoring_configuration_insert on public.scoring_configuration;
create policy scoring_configuration_insert on public.scoring_configuration for insert to authenticated
  with check (public.can_write_scoring_scope(therapist_id, patient_id, is_global));
drop policy if exists scoring_configuration_update on public.scoring_configuration;
create policy scoring_configuration_update on public.scoring_configuration for update to authenticated
  using (public.can_write_scoring_scope(therapist_id, patient_id, is_global))
  with check (public.can_write_scoring_scope(therapist_id, patient_id, is_global));
drop policy if exists scoring_configuration_delete on public.scoring_configuration;
create policy scoring_configuration_delete on public.scoring_configuration for delete to authenticated
  using (public.can_write_scoring_scope(therapist_id, patient_id, is_global));

-- The trial default, with the DB's RPE -> effort table (spec 6.4, DB column).
insert into public.scoring_configuration (
  id, configuration_name, description,
  weight_compliance, weight_symmetry, weight_effort, weight_game,
  weight_completion, weight_intensity, weight_duration,
  rpe_mapping, active, is_global
) values (
  'a0000000-0000-0000-0000-000000000001',
  'GHOSTLY-TRIAL-DEFAULT',
  'GHOSTLY+ clinical trial default scoring weights',
  0.50, 0.25, 0.25, 0.00,
  0.333, 0.333, 0.334,
  '{
    "0": {"score": 10, "category": "no_exertion", "clinical": "concerning_lack_of_effort"},
    "1": {"score": 25, "category": "very_light", "clinical": "insufficient_stimulus"},
    "2": {"score": 50, "category": "light", "clinical": "suboptimal_stimulus"},
    "3": {"score": 85, "category": "moderate_low", "clinical": "acceptable_lower_range"},
    "4": {"score": 100, "category": "optimal_moderate", "clinical": "therapeutic_target"},
    "5": {"score": 100, "category": "optimal_moderate", "clinical": "therapeutic_target"},
    "6": {"score": 75, "category": "somewhat_hard", "clinical": "acceptable_upper_range"},
    "7": {"score": 50, "category": "hard", "clinical": "monitor_for_fatigue"},
    "8": {"score": 25, "category": "very_hard", "clinical": "excessive_effort"},
    "9": {"score": 15, "category": "extremely_hard", "clinical": "near_maximal"},
    "10": {"score": 10, "category": "maximum", "clinical": "emergency_stop_protocol"}
  }'::jsonb,
  true, true
) on conflict (id) do nothing;
