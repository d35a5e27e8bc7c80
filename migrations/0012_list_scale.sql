-- Lists that cost time in proportion to the caller's rows, not the table's.
--
-- The SELECT policies of patients, therapy_sessions and the session-derived tables called a
-- SECURITY DEFINER helper (can_read_patient / can_read_session) once per row, and each call ran
-- the role lookup three times: a therapist's first page of sessions read and filtered every
-- session in the table. They are rewritten here with the same meaning in a form the planner can
-- use: the caller's role and id are uncorrelated sub-selects (computed once per query, shown as
-- InitPlans; the role tests are whole boolean sub-selects, which the planner rates as passing
-- half the rows rather than a handful, so that an admin's page keeps its index scan), a
-- therapist's sessions are matched against the set of their patients (one hashed sub-plan per
-- query), and the derived tables defer to the sessions' own policy through an indexed
-- primary-key lookup. Write policies are not touched here.
--
-- The keyset indexes below match the lists' sort orders (the API's `cursor` pagination), so a
-- page is an index range scan: sessions by session date (else upload time) desc, session_code
-- desc, globally (admins, researchers), per patient (a therapist's lists, the patient filter) and
-- per status. Patients are listed by patient_code, globally or per therapist: both indexes exist
-- (the unique key and patients_therapist_idx).

-- patients: admins and researchers see all; an active therapist sees the patients assigned to them.
drop policy if exists patients_select on public.patients;
create policy patients_select on public.patients for select to authenticated
  using (
    (select public.current_user_role() in ('admin', 'researcher'))
    or (therapist_id = (select auth.uid()) and (select public.current_user_role() = 'therapist'))
  );

-- therapy_sessions: readable as their patient is (can_read_patient(patient_id), unchanged meaning).
drop policy if exists therapy_sessions_select on public.therapy_sessions;
create policy therapy_sessions_select on public.therapy_sessions for select to authenticated
  using (
    (select public.current_user_role() in ('admin', 'researcher'))
    or (
      (select public.current_user_role() = 'therapist')
      and patient_id in (select p.id from public.patients p where p.therapist_id = (select auth.uid()))
    )
  );

-- Derived rows are readable as their session is (can_read_session(session_id), unchanged
-- meaning): the EXISTS reads therapy_sessions under the caller's own policy above.
do $$
declare
  t text;
begin
  foreach t in array array['emg_statistics', 'contractions', 'performance_scores', 'session_settings'] loop
    execute format('drop policy if exists %I on public.%I', t || '_select', t);
    execute format(
      'create policy %I on public.%I for select to authenticated using ('
      '(select public.current_user_role() in (''admin'', ''researcher'')) '
      'or exists (select 1 from public.therapy_sessions s where s.id = %I.session_id))',
      t || '_select', t, t);
  end loop;
end
$$;

-- Keyset indexes for the session lists. The sort key is written as CASE rather than COALESCE:
-- under RLS the planner only turns a caller's condition into an index condition when it cannot
-- leak values (leakproof), and it treats COALESCE as leaky while CASE and IS NULL are not; the
-- lists use this exact expression, so the cursor condition becomes an index range.
create index if not exists therapy_sessions_list_idx on public.therapy_sessions (
  (case when session_date is null then created_at else session_date end) desc, session_code desc);
create index if not exists therapy_sessions_patient_list_idx on public.therapy_sessions (
  patient_id, (case when session_date is null then created_at else session_date end) desc, session_code desc);
create index if not exists therapy_sessions_status_list_idx on public.therapy_sessions (
  processing_status, (case when session_date is null then created_at else session_date end) desc, session_code desc);
-- Superseded by therapy_sessions_patient_list_idx (same leading column, the lists' sort key).
drop index if exists public.therapy_sessions_patient_idx;

-- Codes past 999: lpad(x, 3, '0') cuts '1000' to '100', so the 1000th patient, therapist,
-- researcher or admin, and a patient's 1000th session, collided with an existing code (a unique
-- violation). Numbers are padded to three digits and never cut.
create or replace function public.code_number(n bigint) returns text
language sql immutable strict as $$
  select case when n < 1000 then lpad(n::text, 3, '0') else n::text end
$$;
grant execute on function public.code_number(bigint) to authenticated, service_role;

alter table public.patients
  alter column patient_code set default 'P' || public.code_number(nextval('public.patient_code_seq'));

create or replace function public.assign_user_code() returns trigger
language plpgsql as $$
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

create or replace function public.next_session_code(p_patient_id uuid) returns text
language plpgsql as $$
declare
  code text;
begin
  update public.patients set session_counter = session_counter + 1
    where id = p_patient_id
    returning patient_code || 'S' || public.code_number(session_counter) into code;
  if code is null then
    raise exception 'patient % not found', p_patient_id using errcode = 'P0002';
  end if;
  return code;
end
$$;
