-- What the session pipeline needs to (re)process a session without the original request: the
-- analysis parameters and the subjective inputs (RPE, BFR, game points) given at upload or later.
alter table public.therapy_sessions add column if not exists analysis_params jsonb not null default '{}'::jsonb;
alter table public.therapy_sessions add column if not exists subjective jsonb not null default '{}'::jsonb;
alter table public.therapy_sessions add column if not exists source text not null default 'upload';

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'therapy_sessions_source_check') then
    alter table public.therapy_sessions add constraint therapy_sessions_source_check
      check (source in ('upload', 'webhook'));
  end if;
end
$$;
