-- E-mail addresses live in auth.users (GoTrue's table on Supabase), which users cannot read.
-- Admins see them through this function; anyone else gets no rows. It replaces the original's
-- get_users_with_emails() RPC.

create or replace function public.admin_user_emails()
returns table (id uuid, email text)
language sql stable security definer set search_path = '' as $$
  select u.id, u.email::text from auth.users u where public.is_admin()
$$;

revoke all on function public.admin_user_emails() from public;
grant execute on function public.admin_user_emails() to authenticated, service_role;
