import { Injectable } from '@nestjs/common';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { PatientMedicalInfoTable, PatientsTable } from '../infrastructure/database/database.types.js';
import type { MedicalInfoRow } from './dto/medical-info.dto.js';
import type { PatientRow } from './dto/patient.dto.js';

export interface PatientFilter {
  active?: boolean;
  therapistId?: string;
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

  async list(trx: Tx, filter: PatientFilter, page: { limit: number; offset: number }) {
    let query = trx.selectFrom('patients');
    if (filter.active !== undefined) query = query.where('active', '=', filter.active);
    if (filter.therapistId) query = query.where('therapist_id', '=', filter.therapistId);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('patient_code').limit(page.limit).offset(page.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
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
