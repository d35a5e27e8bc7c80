-- therapy_sessions.analysis_params meant two things: the parameters a session was requested with
-- (written at upload and by a reprocess) until its job completed, and the parameters the analysis
-- used after (the job overwrote it). From here on they are two columns:
--  * requested_analysis_params: the request, written at upload and by a reprocess, never by the job;
--  * analysis_params: what the analysis used, written when a run completes; null before.
-- The table's grants and row policies (0013) cover the new column: clients read and write a
-- session's row as before, and the job writes analysis_params in the service's context.

alter table public.therapy_sessions add column if not exists requested_analysis_params jsonb;

-- The request of an existing session is the best record of it there is: its analysis_params (for a
-- completed session, the request's session parameters with the processing options it used).
update public.therapy_sessions
  set requested_analysis_params = analysis_params
  where requested_analysis_params is null;

alter table public.therapy_sessions alter column requested_analysis_params set default '{}'::jsonb;
alter table public.therapy_sessions alter column requested_analysis_params set not null;

-- analysis_params held what a run used only once that run completed: a session queued, processing
-- or failed held its request there, which now lives in requested_analysis_params.
alter table public.therapy_sessions alter column analysis_params drop not null;
alter table public.therapy_sessions alter column analysis_params drop default;
update public.therapy_sessions
  set analysis_params = null
  where processing_status <> 'completed' and analysis_params is not null;
