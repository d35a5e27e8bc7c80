import { Injectable } from '@nestjs/common';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { PatientMedicalInfoTable, PatientsTable } from '../infrastructure/database/database.types.js';
import { decodeCursor, encodeCursor } from '../shared/pagination/cursor.js';
import { countRows } from '../shared/pagination/count-rows.js';
import type { PageRequest, RowsPage } from '../shared/pagination/page.dto.js';
import type { MedicalInfoRow } from './dto/medical-info.dto.js';
import type { PatientRow } from './dto/patient.dto.js';

export interface PatientFilter {
  active?: boolean;
  therapistId?: string;
  /** The caller's own patients: RLS limits a therapist to them; this lets the planner use the index. */
  ownPatientsOf?: string;
}

/**
 * All SQL on patients and patient_medical_info. Every method runs in the caller's transaction,
 * so row-level security decides which rows exist: another therapist's patient is simply absent.
 */
@Injectable()
export class PatientRepository {
  async insert(trx: Tx, values: Insertable<PatientsTable>): Promise<PatientRow> {
    return trx.insertInto('patients').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async findByCode(trx: Tx, patientCode: string): Promise<PatientRow | undefined> {
    return trx.selectFrom('patients').selectAll().where('patient_code', '=', patientCode).executeTakeFirst();
  }

  /** Returns the updated patient, or undefined when RLS lets the caller change nothing. */
  async setDefaultProfile(
    trx: Tx,
    patientId: string,
    profile: string | null,
  ): Promise<PatientRow | undefined> {
    return trx
      .updateTable('patients')
      .set({ default_profile: profile })
      .where('id', '=', patientId)
      .returningAll()
      .executeTakeFirst();
  }

  async findById(trx: Tx, patientId: string): Promise<PatientRow | undefined> {
    return trx.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirst();
  }

  /** A page of patients by patient_code; the cursor is the last code (keyset on the unique key). */
  async list(trx: Tx, filter: PatientFilter, page: PageRequest): Promise<RowsPage<PatientRow>> {
    let query = trx.selectFrom('patients');
    if (filter.active !== undefined) query = query.where('active', '=', filter.active);
    if (filter.therapistId) query = query.where('therapist_id', '=', filter.therapistId);
    if (filter.ownPatientsOf) query = query.where('therapist_id', '=', filter.ownPatientsOf);
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, 1)[0]!;
    const rowsQuery = after === undefined ? query : query.where('patient_code', '>', after);
    const [rows, counted] = await Promise.all([
      rowsQuery
        .selectAll()
        .orderBy('patient_code')
        .limit(page.limit + 1)
        .offset(after === undefined ? page.offset : 0)
        .execute(),
      countRows(trx, query, page.count),
    ]);
    const more = rows.length > page.limit;
    const pageRows = more ? rows.slice(0, page.limit) : rows;
    const last = pageRows.at(-1);
    return {
      rows: pageRows,
      ...counted,
      next_cursor: more && last ? encodeCursor([last.patient_code]) : null,
    };
  }

  async updateByCode(
    trx: Tx,
    patientCode: string,
    patch: Updateable<PatientsTable>,
  ): Promise<PatientRow | undefined> {
    return trx
      .updateTable('patients')
      .set(patch)
      .where('patient_code', '=', patientCode)
      .returningAll()
      .executeTakeFirst();
  }

  /** Completed sessions of a patient dated (session date, else upload) at or after `since`. */
  async countCompletedSince(trx: Tx, patientId: string, since: Date): Promise<number> {
    const row = await trx
      .selectFrom('therapy_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('patient_id', '=', patientId)
      .where('processing_status', '=', 'completed')
      .where(sql<Date>`coalesce(session_date, created_at)`, '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findMedicalInfo(trx: Tx, patientId: string): Promise<MedicalInfoRow | undefined> {
    return (
      trx
        .selectFrom('patient_medical_info')
        .selectAll()
        // Dates as text: pg would turn them into local-midnight Date objects.
        .select([
          sql<string>`date_of_birth::text`.as('date_of_birth'),
          sql<string | null>`admission_date::text`.as('admission_date'),
        ])
        .where('patient_id', '=', patientId)
        .executeTakeFirst()
    );
  }

  async upsertMedicalInfo(
    trx: Tx,
    values: Omit<Insertable<PatientMedicalInfoTable>, 'updated_by'>,
  ): Promise<void> {
    const { patient_id: _patientId, created_by: createdBy, ...fields } = values;
    await trx
      .insertInto('patient_medical_info')
      .values(values)
      .onConflict((oc) => oc.column('patient_id').doUpdateSet({ ...fields, updated_by: createdBy }))
      .execute();
  }
}
