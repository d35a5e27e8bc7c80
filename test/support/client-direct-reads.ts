import { expect } from '@jest/globals';
import { sql } from 'kysely';
import type { Database } from '../../src/infrastructure/database/database.js';
import { type DirectReadsFixture, FILE_NAME, TRIAL_CONFIG } from './client-direct-reads-fixture.js';
import {
  asClient,
  deleteRow,
  insertRow,
  patientsWithMedicalInfo,
  rpcUsersWithEmails,
  run,
  selectRows,
  sessionsWithScores,
  sqlStateOf,
  updateRow,
} from './postgrest-sql.js';

/**
 * What the original web client does through Supabase/PostgREST with the user's token (original-
 * spec 13), as each role, replayed as the SQL PostgREST runs for it. Every case rolls back, so
 * the cases do not depend on one another.
 */

export { type DirectReadsFixture, FILE_NAME, seedDirectReads } from './client-direct-reads-fixture.js';

type Case = [string, (db: Database, fx: DirectReadsFixture) => Promise<void>];

/** The original web client's direct database reads and writes (through PostgREST), as each role. */
export const DIRECT_READ_CASES: Case[] = [
  [
    'patients with embedded patient_medical_info: a therapist sees their own patient with PII',
    async (db, fx) => {
      const res = await asClient(db, fx.therapist, (trx) => run(trx, patientsWithMedicalInfo()));
      expect(res.body).toHaveLength(1);
      expect(res.body[0]).toMatchObject({
        patient_code: fx.mine.code,
        therapist_id: fx.therapist.id,
        patient_medical_info: {
          first_name: 'Ada',
          last_name: `Patient ${fx.mine.code}`,
          date_of_birth: '1941-12-10',
          bmi_status: 'normal',
        },
      });
      expect(Number((res.body[0]!.patient_medical_info as { bmi_value: number }).bmi_value)).toBeCloseTo(
        24.2,
        5,
      );
      const theirs = await asClient(db, fx.therapist, (trx) =>
        run(trx, patientsWithMedicalInfo(fx.theirs.code)),
      );
      expect(theirs.body).toEqual([]);
    },
  ],
  [
    'patients with embedded patient_medical_info: an admin sees all with PII, a researcher all without',
    async (db, fx) => {
      const admin = await asClient(db, fx.admin, (trx) => run(trx, patientsWithMedicalInfo()));
      const codes = admin.body.map((p) => p.patient_code);
      expect(codes).toEqual(expect.arrayContaining([fx.mine.code, fx.theirs.code]));
      expect(admin.body.every((p) => p.patient_medical_info !== null)).toBe(true);
      const researcher = await asClient(db, fx.researcher, (trx) => run(trx, patientsWithMedicalInfo()));
      expect(researcher.body.map((p) => p.patient_code)).toEqual(codes);
      expect(researcher.body.every((p) => p.patient_medical_info === null)).toBe(true);
    },
  ],
  [
    'therapy_sessions with embedded performance_scores, joined by the file paths the client lists',
    async (db, fx) => {
      // the client lists "<code>/<file>" in its bucket and asks for `${bucket}/${name}`
      const listed = [fx.mine, fx.theirs].map((p) => `${fx.bucket}/${p.code}/${FILE_NAME}`);
      const mine = await asClient(db, fx.therapist, (trx) => run(trx, sessionsWithScores(listed)));
      expect(mine.body).toHaveLength(1);
      expect(mine.body[0]).toMatchObject({
        file_path: fx.mine.filePath,
        processing_status: 'completed',
        performance_scores: {
          overall_score: 78.25,
          compliance_score: 61.5,
          symmetry_score: 90,
          effort_score: 100,
          game_score: null,
        },
      });
      const admin = await asClient(db, fx.admin, (trx) => run(trx, sessionsWithScores(listed)));
      expect(admin.body.map((s) => s.file_path)).toEqual([...listed].sort());
      const researcher = await asClient(db, fx.researcher, (trx) => run(trx, sessionsWithScores(listed)));
      expect(researcher.page_total).toBe(2);
    },
  ],
  [
    'the embedding has the foreign key PostgREST needs: performance_scores.session_id -> therapy_sessions',
    async (db) => {
      const { rows } = await sql<{ target: string; columns: string }>`
        select c.confrelid::regclass::text as target, a.attname as columns
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.contype = 'f' and c.conrelid = 'public.performance_scores'::regclass
          and c.confrelid = 'public.therapy_sessions'::regclass`.execute(db.kysely);
      expect(rows).toEqual([{ target: 'therapy_sessions', columns: 'session_id' }]);
    },
  ],
  [
    'clinical_notes CRUD as the client writes them: a file note keyed by file_path',
    async (db, fx) => {
      await asClient(db, fx.therapist, async (trx) => {
        // the client sends no author and no patient: both are filled in
        const created = await run(
          trx,
          insertRow('clinical_notes', {
            content: 'Good session',
            note_type: 'file',
            file_path: fx.mine.filePath,
          }),
        );
        expect(created.body[0]).toMatchObject({
          author_id: fx.therapist.id,
          patient_id: fx.mine.id,
          note_type: 'file',
          file_path: fx.mine.filePath,
          title: 'Note Clinique',
        });
        const id = created.body[0]!.id as string;
        const patientNote = await run(
          trx,
          insertRow('clinical_notes', {
            content: 'Patient note',
            note_type: 'patient',
            patient_id: fx.mine.id,
          }),
        );
        expect(patientNote.page_total).toBe(1);
        // getNotesCount: select count, author_id = me and file_path = the file
        const count = await run(
          trx,
          selectRows('clinical_notes', { author_id: fx.therapist.id, file_path: fx.mine.filePath }),
        );
        expect(count.page_total).toBe(1);
        const updated = await run(trx, updateRow('clinical_notes', id, { content: 'Very good session' }));
        expect(updated.body[0]).toMatchObject({ content: 'Very good session' });
        expect((await run(trx, deleteRow('clinical_notes', id))).page_total).toBe(1);
        expect((await run(trx, selectRows('clinical_notes', { id }))).page_total).toBe(0);
      });
    },
  ],
  [
    'clinical_notes: another therapist, a researcher and a forged author get nothing',
    async (db, fx) => {
      const note = await db.kysely
        .insertInto('clinical_notes')
        .values({ author_id: fx.therapist.id, note_type: 'file', file_path: fx.mine.filePath, content: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      try {
        for (const user of [fx.other, fx.researcher]) {
          await asClient(db, user, async (trx) => {
            expect((await run(trx, selectRows('clinical_notes', { id: note.id }))).page_total).toBe(0);
            expect((await run(trx, updateRow('clinical_notes', note.id, { content: 'y' }))).page_total).toBe(
              0,
            );
            expect((await run(trx, deleteRow('clinical_notes', note.id))).page_total).toBe(0);
          });
          const write = asClient(db, user, (trx) =>
            run(
              trx,
              insertRow('clinical_notes', { content: 'x', note_type: 'file', file_path: fx.mine.filePath }),
            ),
          );
          expect(await sqlStateOf(write)).toBe('42501');
        }
        const forged = asClient(db, fx.therapist, (trx) =>
          run(
            trx,
            insertRow('clinical_notes', {
              content: 'x',
              note_type: 'patient',
              patient_id: fx.mine.id,
              author_id: fx.other.id,
            }),
          ),
        );
        expect(await sqlStateOf(forged)).toBe('42501');
        const moved = asClient(db, fx.therapist, (trx) =>
          run(trx, updateRow('clinical_notes', note.id, { author_id: fx.other.id })),
        );
        expect(await sqlStateOf(moved)).toBe('42501');
        // an admin reads and edits every note
        const admin = await asClient(db, fx.admin, (trx) =>
          run(trx, updateRow('clinical_notes', note.id, { content: 'reviewed' })),
        );
        expect(admin.page_total).toBe(1);
      } finally {
        await db.kysely.deleteFrom('clinical_notes').where('id', '=', note.id).execute();
      }
    },
  ],
  [
    'user_profiles: a therapist reads their own row (with full_name), an admin every row',
    async (db, fx) => {
      const own = await asClient(db, fx.therapist, (trx) => run(trx, selectRows('user_profiles')));
      expect(own.body).toEqual([
        expect.objectContaining({ id: fx.therapist.id, role: 'therapist', full_name: 'Tess Therapist' }),
      ]);
      const all = await asClient(db, fx.admin, (trx) => run(trx, selectRows('user_profiles')));
      expect(all.body.map((p) => p.id)).toEqual(
        expect.arrayContaining([fx.admin.id, fx.therapist.id, fx.other.id, fx.researcher.id]),
      );
    },
  ],
  [
    'audit_log: an admin reads it and appends in their own name; a therapist neither',
    async (db, fx) => {
      const admin = await asClient(db, fx.admin, async (trx) => {
        const logged = await run(
          trx,
          insertRow('audit_log', {
            user_id: fx.admin.id,
            user_role: 'admin',
            action: 'view_user_list',
            table_name: 'user_profiles',
            changes: { source: 'admin dashboard' },
            created_at: new Date().toISOString(),
          }),
        );
        expect(logged.page_total).toBe(1);
        return run(trx, selectRows('audit_log', { table_name: 'patient_medical_info' }));
      });
      // the medical-info trigger audited both patients' PII
      expect(admin.page_total).toBeGreaterThanOrEqual(2);
      const therapist = await asClient(db, fx.therapist, (trx) => run(trx, selectRows('audit_log')));
      expect(therapist.page_total).toBe(0);
      const write = asClient(db, fx.therapist, (trx) =>
        run(trx, insertRow('audit_log', { user_id: fx.therapist.id, action: 'x', table_name: 'patients' })),
      );
      expect(await sqlStateOf(write)).toBe('42501');
    },
  ],
  [
    'scoring_configuration: everyone reads the trial default; only an admin edits it (trial configuration tab)',
    async (db, fx) => {
      for (const user of [fx.therapist, fx.researcher, fx.admin]) {
        const read = await asClient(db, user, (trx) =>
          run(trx, selectRows('scoring_configuration', { id: TRIAL_CONFIG })),
        );
        expect(read.body[0]).toMatchObject({ configuration_name: 'GHOSTLY-TRIAL-DEFAULT', active: true });
      }
      const weights = { weight_compliance: 0.4, weight_symmetry: 0.35 };
      const admin = await asClient(db, fx.admin, (trx) =>
        run(trx, updateRow('scoring_configuration', TRIAL_CONFIG, weights)),
      );
      expect(admin.body[0]).toMatchObject(weights);
      const therapist = await asClient(db, fx.therapist, (trx) =>
        run(trx, updateRow('scoring_configuration', TRIAL_CONFIG, weights)),
      );
      expect(therapist.page_total).toBe(0);
    },
  ],
  [
    'rpc/get_users_with_emails: an admin gets every user with e-mail; anyone else is refused',
    async (db, fx) => {
      const res = await asClient(db, fx.admin, (trx) => run(trx, rpcUsersWithEmails()));
      const therapist = res.body.find((u) => u.id === fx.therapist.id);
      expect(therapist).toEqual({
        id: fx.therapist.id,
        email: fx.therapist.email,
        role: 'therapist',
        first_name: 'Tess',
        last_name: 'Therapist',
        institution: null,
        department: null,
        access_level: 'basic',
        active: true,
        created_at: expect.any(String),
        last_sign_in_at: null,
        user_code: expect.stringMatching(/^T\d{3,}$/),
      });
      for (const user of [fx.therapist, fx.researcher]) {
        expect(await sqlStateOf(asClient(db, user, (trx) => run(trx, rpcUsersWithEmails())))).toBe('42501');
      }
    },
  ],
];
