import { Injectable } from '@nestjs/common';
import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { ScoringConfigurationTable } from '../infrastructure/database/database.types.js';
import type { ScoringConfigRow } from './dto/scoring-config.dto.js';

export interface ScoringConfigFilter {
  patientCode?: string;
  active?: boolean;
}

export interface ConfigPatientRef {
  id: string;
  therapist_id: string;
}

/**
 * All SQL on scoring_configuration. Methods run in the caller's transaction: row-level security
 * decides what may be written (can_write_scoring_scope) and which patients' codes show.
 */
@Injectable()
export class ScoringConfigurationRepository {
  async insert(trx: Tx, values: Insertable<ScoringConfigurationTable>): Promise<string> {
    const row = await trx
      .insertInto('scoring_configuration')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The configuration a session is scored with: get_session_scoring_config() (session -> patient -> therapist -> trial default). */
  async idForSession(trx: Tx, sessionId: string): Promise<string | null> {
    const { rows } = await sql<{
      id: string | null;
    }>`select public.get_session_scoring_config(${sessionId}::uuid, null) as id`.execute(trx);
    return rows[0]?.id ?? null;
  }

  async findById(trx: Tx, id: string): Promise<ScoringConfigRow | undefined> {
    return this.withPatientCode(trx).where('c.id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  async list(trx: Tx, filter: ScoringConfigFilter, page: { limit: number; offset: number }) {
    let query = trx
      .selectFrom('scoring_configuration as c')
      .leftJoin('patients as p', 'p.id', 'c.patient_id');
    if (filter.active !== undefined) query = query.where('c.active', '=', filter.active);
    if (filter.patientCode) query = query.where('p.patient_code', '=', filter.patientCode);
    const [rows, count] = await Promise.all([
      query
        .selectAll('c')
        .select('p.patient_code')
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }

  /** The id when the row was updated; undefined when RLS hid it from the update. */
  async update(
    trx: Tx,
    id: string,
    patch: Pick<Updateable<ScoringConfigurationTable>, 'active' | 'configuration_name' | 'description'>,
  ): Promise<string | undefined> {
    const row = await trx
      .updateTable('scoring_configuration')
      .set(patch)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** The patient by code, if the caller may see it. */
  async findPatient(trx: Tx, patientCode: string): Promise<ConfigPatientRef | undefined> {
    return trx
      .selectFrom('patients')
      .select(['id', 'therapist_id'])
      .where('patient_code', '=', patientCode)
      .executeTakeFirst();
  }

  private withPatientCode(trx: Tx) {
    return trx
      .selectFrom('scoring_configuration as c')
      .leftJoin('patients as p', 'p.id', 'c.patient_id')
      .selectAll('c')
      .select('p.patient_code');
  }
}
