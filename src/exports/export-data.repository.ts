import { Injectable } from '@nestjs/common';
import { sql, type Selectable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type {
  ContractionsTable,
  EmgStatisticsTable,
  ProcessingStatus,
} from '../infrastructure/database/database.types.js';
import { COMPUTED_SCORE_FIELDS } from '../session/performance-score-fields.js';

export interface ExportFilter {
  sessionCode?: string;
  patientIds?: string[];
  from?: Date;
  to?: Date;
  status?: ProcessingStatus;
}

export interface ExportPatient {
  id: string;
  patient_code: string;
  age_group: string | null;
  gender: string | null;
}

/** The scores an export carries: the computed ones, their inputs, and the configuration used. */
const SCORE_COLUMNS = [
  ...COMPUTED_SCORE_FIELDS,
  'rpe_post_session',
  'game_points_achieved',
  'game_points_max',
  'scoring_config_id',
] as const;

export type StatisticsRow = Selectable<EmgStatisticsTable>;
export type ContractionRow = Selectable<ContractionsTable>;
export type SessionExportRow = Awaited<ReturnType<ExportDataRepository['sessionsPage']>>[number];

/**
 * The reads of an export, under the caller's row-level security: sessions with their patient
 * and scores (keyset pages by session_code, so a 10,000-session export never holds more than a
 * page), and the statistics and contractions of a page of sessions.
 */
@Injectable()
export class ExportDataRepository {
  private base(trx: Tx, filter: ExportFilter) {
    let q = trx
      .selectFrom('therapy_sessions as s')
      .innerJoin('patients as p', 'p.id', 's.patient_id')
      .leftJoin('performance_scores as ps', 'ps.session_id', 's.id');
    if (filter.sessionCode) q = q.where('s.session_code', '=', filter.sessionCode.toUpperCase());
    if (filter.patientIds?.length) q = q.where('s.patient_id', 'in', filter.patientIds);
    if (filter.status) q = q.where('s.processing_status', '=', filter.status);
    const when = sql<Date>`coalesce(s.session_date, s.created_at)`;
    if (filter.from) q = q.where(when, '>=', filter.from);
    if (filter.to) q = q.where(when, '<=', filter.to);
    return q;
  }

  async sessionsPage(trx: Tx, filter: ExportFilter, after: string | null, limit: number) {
    let q = this.base(trx, filter);
    if (after !== null) q = q.where('s.session_code', '>', after);
    return q
      .select([
        's.id',
        's.session_code',
        's.patient_id',
        's.session_date',
        's.created_at',
        's.processed_at',
        's.processing_status',
        's.file_path',
        's.file_hash',
        's.game_metadata',
        's.channel_muscle_mapping',
        'p.patient_code',
        'p.age_group',
        'p.gender',
      ])
      .select(SCORE_COLUMNS.map((c) => `ps.${c}` as const))
      .orderBy('s.session_code')
      .limit(limit)
      .execute();
  }

  async countSessions(trx: Tx, filter: ExportFilter): Promise<number> {
    const row = await this.base(trx, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async patientsByCodes(trx: Tx, codes: string[]): Promise<ExportPatient[]> {
    if (codes.length === 0) return [];
    return trx
      .selectFrom('patients')
      .select(['id', 'patient_code', 'age_group', 'gender'])
      .where(
        'patient_code',
        'in',
        codes.map((c) => c.toUpperCase()),
      )
      .execute();
  }

  async statistics(trx: Tx, sessionIds: string[]): Promise<StatisticsRow[]> {
    if (sessionIds.length === 0) return [];
    return trx
      .selectFrom('emg_statistics')
      .selectAll()
      .where('session_id', 'in', sessionIds)
      .orderBy('session_id')
      .orderBy('channel_name')
      .execute();
  }

  async contractions(trx: Tx, sessionIds: string[]): Promise<ContractionRow[]> {
    if (sessionIds.length === 0) return [];
    return trx
      .selectFrom('contractions')
      .selectAll()
      .where('session_id', 'in', sessionIds)
      .orderBy('session_id')
      .orderBy('channel_name')
      .orderBy('idx')
      .execute();
  }
}
