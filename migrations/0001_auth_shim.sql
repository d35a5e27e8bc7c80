-- Supabase compatibility shim. On a Supabase project every object below already exists and
-- each statement is a no-op; on plain PostgreSQL and PGlite it creates the minimum the
-- row-level-security policies rely on: the API roles, auth.uid()/auth.jwt()/auth.role()
-- reading the transaction-local `request.jwt.claims`, and an auth.users table.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    -- bypassrls needs a superuser; the service itself never switches to service_role (its
    -- background work runs as the tables' owner), so a managed server's admin user gets one without
    if (select rolsuper from pg_roles where rolname = current_user) then
      create role service_role nologin noinherit bypassrls;
    else
      create role service_role nologin noinherit;
    end if;
  end if;
  -- Every user request runs SET LOCAL ROLE authenticated: the connecting user must be a member
  -- (on Supabase it already is; elsewhere it needs CREATEROLE or the role's admin option here).
  if not pg_has_role(current_user, 'authenticated', 'MEMBER') then
    execute format('grant authenticated to %I', current_user);
  end if;
end
$$;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;

do $$
begin
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'jwt'
  ) then
    -- After a transaction ends current_setting(..., true) gives '' rather than NULL.
    execute $fn$
      create function auth.jwt() returns jsonb language sql stable as $body$
        select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
      $body$
    $fn$;
  end if;
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'uid'
  ) then
    execute $fn$
      create function auth.uid() returns uuid language sql stable as $body$
        select nullif(auth.jwt() ->> 'sub', '')::uuid
      $body$
    $fn$;
  end if;
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'role'
  ) then
    execute $fn$
      create function auth.role() returns text language sql stable as $body$
        select nullif(auth.jwt() ->> 'role', '')
      $body$
    $fn$;
  end if;
end
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;

-- Supabase's GoTrue owns auth.users on a Supabase project. Elsewhere this table holds the
-- self-hosted accounts (scrypt hashes in encrypted_password).
create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  encrypted_password text,
  email_confirmed_at timestamptz,
  last_sign_in_at timestamptz,
  raw_user_meta_data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
