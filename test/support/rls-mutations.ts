/**
 * Loosened policies, functions and grants that the RLS matrix must catch: each is applied to a
 * freshly migrated scratch database, the whole matrix replayed, and at least one case must fail
 * (test/integration/rls-mutations.int-spec.ts). The first four are issue 15's list; the others
 * undo one defence of migration 0013 each.
 */
export interface PolicyMutation {
  name: string;
  sql: string[];
}

export const POLICY_MUTATIONS: PolicyMutation[] = [
  {
    name: "patients_update's WITH CHECK loosened to true",
    sql: ['alter policy patients_update on public.patients with check (true)'],
  },
  {
    name: 'author_id = auth.uid() dropped from the clinical-notes insert policy',
    sql: [
      'alter policy clinical_notes_insert on public.clinical_notes with check (public.can_write_patient(patient_id))',
    ],
  },
  {
    name: 'is_admin() dropped from admin_user_emails()',
    sql: [
      `create or replace function public.admin_user_emails() returns table (id uuid, email text)
       language sql stable security definer set search_path = '' as $$ select u.id, u.email::text from auth.users u $$`,
    ],
  },
  {
    name: 'owns_patient dropped from the scoring-configuration scope check',
    sql: [
      `create or replace function public.can_write_scoring_scope(p_therapist_id uuid, p_patient_id uuid, p_is_global boolean)
       returns boolean language sql stable security definer set search_path = '' as $$
         select public.is_admin() or (public.is_active_therapist() and not p_is_global and p_therapist_id = auth.uid())
       $$`,
    ],
  },
  {
    name: 'player names left in game_metadata (finding 1)',
    sql: ['drop trigger therapy_sessions_player_name on public.therapy_sessions'],
  },
  {
    name: 'therapists write their patients’ scores again (finding 2)',
    sql: [
      `create policy performance_scores_write on public.performance_scores for all to authenticated
       using (public.can_write_session(session_id)) with check (public.can_write_session(session_id))`,
      'grant insert, update, delete on public.performance_scores to authenticated',
    ],
  },
  {
    name: 'configurations edited in place while sessions use them (finding 3)',
    sql: ['drop trigger scoring_configuration_keep_history on public.scoring_configuration'],
  },
  {
    name: 'audit fields taken from the client (finding 4)',
    sql: ['drop trigger audit_log_stamp on public.audit_log'],
  },
  {
    name: 'therapists read every configuration (finding 5)',
    sql: [
      `create or replace function public.can_read_scoring_config(p_config_id uuid, p_therapist_id uuid, p_patient_id uuid, p_is_global boolean)
       returns boolean language sql stable security definer set search_path = '' as $$
         select public.current_user_role() is not null
       $$`,
    ],
  },
  {
    name: "a patient's therapist and configuration not checked (finding 6)",
    sql: ['drop trigger patients_check_refs on public.patients'],
  },
  {
    name: 'TRUNCATE granted to authenticated (finding 7)',
    sql: ['grant truncate on public.audit_log to authenticated'],
  },
];
