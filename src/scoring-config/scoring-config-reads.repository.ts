import { sql } from 'kysely';
import { countRows } from '../shared/pagination/count-rows.js';
import type { PageRequest } from '../shared/pagination/page.dto.js';
import {
  afterTimeId,
  decodeTimeIdCursor,
  keysetSlice,
  utcText,
} from '../shared/pagination/time-id-keyset.js';
import type { Tx } from '../infrastructure/database/db-context.js';
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
 * The reads of scoring configurations: lookups, listings, the configuration in force for a
 * session or a patient, and the patients and sessions a configuration concerns. Methods run in
 * the caller's transaction: row-level security decides which rows and patients' codes show.
 * ScoringConfigurationRepository, the injectable one, adds the writes.
 */
export class ScoringConfigurationReads {
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

  /** Newest first (created_at desc, id desc); keyset on both. */
  async list(trx: Tx, filter: ScoringConfigFilter, page: PageRequest) {
    let query = trx
      .selectFrom('scoring_configuration as c')
      .leftJoin('patients as p', 'p.id', 'c.patient_id');
    if (filter.active !== undefined) query = query.where('c.active', '=', filter.active);
    if (filter.patientCode) query = query.where('p.patient_code', '=', filter.patientCode);
    const rowsQuery =
      page.cursor === undefined
        ? query
        : query.where(afterTimeId('c.created_at', 'c.id', decodeTimeIdCursor(page.cursor), 'desc', 'desc'));
    const [rows, counted] = await Promise.all([
      rowsQuery
        .selectAll('c')
        .select('p.patient_code')
        .select(utcText('c.created_at').as('cursor_at'))
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(page.limit + 1)
        .offset(page.cursor === undefined ? page.offset : 0)
        .execute(),
      countRows(trx, query, page.count),
    ]);
    return { ...keysetSlice(rows, page.limit, (r) => [r.cursor_at, r.id]), ...counted };
  }

  /** The patient by code, if the caller may see it. */
  async findPatient(trx: Tx, patientCode: string): Promise<ConfigPatientRef | undefined> {
    return trx
      .selectFrom('patients')
      .select(['id', 'therapist_id'])
      .where('patient_code', '=', patientCode)
      .executeTakeFirst();
  }

  /** Every visible configuration, frozen versions included, newest first (the original's list). */
  async listAll(trx: Tx): Promise<ScoringConfigRow[]> {
    return this.withPatientCode(trx).orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').execute();
  }

  /**
   * The newest current (not frozen) configuration of exactly this therapist or patient scope,
   * active ones only when asked.
   */
  async findScoped(
    trx: Tx,
    therapistId: string,
    patientId: string | null,
    options: { activeOnly: boolean },
  ): Promise<ScoringConfigRow | undefined> {
    let query = this.withPatientCode(trx)
      .where('c.therapist_id', '=', therapistId)
      .where('c.is_global', '=', false)
      .where('c.superseded_at', 'is', null);
    query =
      patientId === null
        ? query.where('c.patient_id', 'is', null)
        : query.where('c.patient_id', '=', patientId);
    if (options.activeOnly) query = query.where('c.active', '=', true);
    return query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').executeTakeFirst();
  }

  /** The configuration a new session of this patient would be scored with (null: global). */
  async idInForce(trx: Tx, patientId: string | null): Promise<string | null> {
    const { rows } = await sql<{
      id: string | null;
    }>`select public.get_session_scoring_config(null, ${patientId}::uuid) as id`.execute(trx);
    return rows[0]?.id ?? null;
  }

  /** The visible sessions scored with a configuration, with their result versions. */
  async sessionsScoredWith(trx: Tx, id: string): Promise<{ id: string; result_version: number }[]> {
    return trx
      .selectFrom('therapy_sessions')
      .select(['id', 'result_version'])
      .where('scoring_config_id', '=', id)
      .execute();
  }

  /** The patient by id, if the caller may see it. */
  async findPatientById(trx: Tx, id: string): Promise<ConfigPatientRef | undefined> {
    return trx.selectFrom('patients').select(['id', 'therapist_id']).where('id', '=', id).executeTakeFirst();
  }

  protected withPatientCode(trx: Tx) {
    return trx
      .selectFrom('scoring_configuration as c')
      .leftJoin('patients as p', 'p.id', 'c.patient_id')
      .selectAll('c')
      .select('p.patient_code');
  }
}
