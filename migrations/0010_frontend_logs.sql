-- Log lines the web client posts (POST /logs/frontend), one row per entry, with who sent them
-- (when a token was given), the request id and the client address. The original appended
-- them to a file anyone could read; here a signed-in user may only add lines in their own name,
-- requests without a token are written by the service context, and only admins read them.
-- Nobody updates or deletes lines through the API.

create table if not exists public.frontend_logs (
  id bigint generated always as identity primary key,
  received_at timestamptz not null default now(),
  user_id uuid references auth.users (id) on delete set null,
  request_id text not null check (char_length(request_id) between 1 and 128),
  client_address text check (char_length(client_address) <= 64),
  entry text not null check (char_length(entry) <= 2000)
);
create index if not exists frontend_logs_received_idx on public.frontend_logs (received_at desc);
create index if not exists frontend_logs_user_idx on public.frontend_logs (user_id) where user_id is not null;

alter table public.frontend_logs enable row level security;
revoke all on table public.frontend_logs from anon;
grant select, insert on table public.frontend_logs to authenticated;

drop policy if exists frontend_logs_admin_select on public.frontend_logs;
create policy frontend_logs_admin_select on public.frontend_logs for select to authenticated
  using (public.is_admin());
drop policy if exists frontend_logs_own_insert on public.frontend_logs;
create policy frontend_logs_own_insert on public.frontend_logs for insert to authenticated
  with check (user_id = auth.uid() and public.is_active_user());
