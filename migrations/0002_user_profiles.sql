-- Staff accounts (admin, therapist, researcher), the role helpers every policy uses, and the
-- audit log. Policies never read user_profiles directly: they call the SECURITY DEFINER helpers
-- below, which avoids the self-referencing policies (infinite recursion) of the original and
-- gives one place where "inactive users are denied everywhere" is decided.

create or replace function public.set_updated_at() returns trigger
language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create sequence if not exists public.therapist_code_seq;
create sequence if not exists public.researcher_code_seq;
create sequence if not exists public.admin_code_seq;
-- Admins create profiles under RLS; the user-code trigger runs with their rights.
grant usage on sequence public.therapist_code_seq, public.researcher_code_seq, public.admin_code_seq to authenticated;

create table if not exists public.user_profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  role text not null check (role in ('admin', 'therapist', 'researcher')),
  first_name text,
  last_name text,
  institution text,
  department text,
  access_level text not null default 'basic' check (access_level in ('full', 'advanced', 'basic')),
  user_code text unique check (user_code ~ '^[TRA][0-9]{3,}$'),
  active boolean not null default true,
  last_login timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists user_profiles_role_idx on public.user_profiles (role);

-- User codes come from one sequence per role, so they are unique without retries (the
-- original drew random numbers and could collide).
create or replace function public.assign_user_code() returns trigger
language plpgsql as $$
begin
  if new.user_code is null then
    new.user_code := case new.role
      when 'therapist' then 'T' || lpad(nextval('public.therapist_code_seq')::text, 3, '0')
      when 'researcher' then 'R' || lpad(nextval('public.researcher_code_seq')::text, 3, '0')
      else 'A' || lpad(nextval('public.admin_code_seq')::text, 3, '0')
    end;
  end if;
  return new;
end
$$;

drop trigger if exists user_profiles_user_code on public.user_profiles;
create trigger user_profiles_user_code before insert on public.user_profiles
  for each row execute function public.assign_user_code();
drop trigger if exists user_profiles_updated_at on public.user_profiles;
create trigger user_profiles_updated_at before update on public.user_profiles
  for each row execute function public.set_updated_at();

-- The caller's role, only while the caller's profile is active; NULL for anyone else.
create or replace function public.current_user_role() returns text
language sql stable security definer set search_path = '' as $$
  select p.role from public.user_profiles p where p.id = auth.uid() and p.active
$$;

create or replace function public.is_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce(public.current_user_role() = 'admin', false)
$$;

create or replace function public.is_active_therapist() returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce(public.current_user_role() = 'therapist', false)
$$;

create or replace function public.is_active_user() returns boolean
language sql stable security definer set search_path = '' as $$
  select public.current_user_role() is not null
$$;

revoke all on function public.current_user_role(), public.is_admin(), public.is_active_therapist(),
  public.is_active_user() from public;
grant execute on function public.current_user_role(), public.is_admin(), public.is_active_therapist(),
  public.is_active_user() to authenticated, service_role;

alter table public.user_profiles enable row level security;
revoke all on table public.user_profiles from anon;
grant select, insert, update, delete on table public.user_profiles to authenticated;

-- Everyone active sees their own profile; researchers see staff profiles (no patient data);
-- only admins write. Therapists may not edit their own row (it would let them change role).
drop policy if exists user_profiles_select on public.user_profiles;
create policy user_profiles_select on public.user_profiles for select to authenticated
  using (
    public.is_admin()
    or (id = auth.uid() and public.is_active_user())
    or public.current_user_role() = 'researcher'
  );
drop policy if exists user_profiles_admin_insert on public.user_profiles;
create policy user_profiles_admin_insert on public.user_profiles for insert to authenticated
  with check (public.is_admin());
drop policy if exists user_profiles_admin_update on public.user_profiles;
create policy user_profiles_admin_update on public.user_profiles for update to authenticated
  using (public.is_admin()) with check (public.is_admin());
drop policy if exists user_profiles_admin_delete on public.user_profiles;
create policy user_profiles_admin_delete on public.user_profiles for delete to authenticated
  using (public.is_admin());

create table if not exists public.audit_log (
  id uuid primary key default gen_random_uuid(),
  "timestamp" timestamptz not null default now(),
  user_id uuid references auth.users (id) on delete set null,
  user_role text,
  action text not null,
  table_name text not null,
  record_id uuid,
  changes jsonb,
  ip_address inet,
  created_at timestamptz not null default now()
);
create index if not exists audit_log_timestamp_idx on public.audit_log ("timestamp" desc);
create index if not exists audit_log_user_idx on public.audit_log (user_id);
create index if not exists audit_log_table_record_idx on public.audit_log (table_name, record_id, "timestamp" desc);

alter table public.audit_log enable row level security;
revoke all on table public.audit_log from anon;
grant select, insert on table public.audit_log to authenticated;

-- Append-only for admins, who may only write entries in their own name. Triggers that audit
-- other tables write through SECURITY DEFINER functions.
drop policy if exists audit_log_admin_select on public.audit_log;
create policy audit_log_admin_select on public.audit_log for select to authenticated
  using (public.is_admin());
drop policy if exists audit_log_admin_insert on public.audit_log;
create policy audit_log_admin_insert on public.audit_log for insert to authenticated
  with check (public.is_admin() and user_id = auth.uid());
