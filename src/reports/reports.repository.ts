import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';

/**
 * The rows of a patient's progress report, read in the caller's transaction so that RLS decides
 * what exists: one row per session with its scores and targets, one per session and channel.
 */
@Injectable()
export class ReportsRepository {
  async sessionsOf(trx: Tx, patientId: string) {
    return trx
      .selectFrom('therapy_sessions as s')
      .leftJoin('performance_scores as p', 'p.session_id', 's.id')
      .leftJoin('session_settings as t', 't.session_id', 's.id')
      .select([
        's.id',
        's.session_code',
        's.processing_status',
        sql<Date>`coalesce(s.session_date, s.created_at)`.as('date'),
        'p.overall_score',
        'p.compliance_score',
        'p.symmetry_score',
        'p.effort_score',
        't.target_contractions_ch1',
        't.target_contractions_ch2',
      ])
      .where('s.patient_id', '=', patientId)
      .orderBy(sql`coalesce(s.session_date, s.created_at)`)
      .orderBy('s.session_code')
      .execute();
  }

  async channelStatsOf(trx: Tx, patientId: string) {
    return trx
      .selectFrom('emg_statistics as e')
      .innerJoin('therapy_sessions as s', 's.id', 'e.session_id')
      .select([
        'e.session_id',
        'e.channel_name',
        'e.total_contractions',
        'e.good_contractions',
        'e.mvc_value',
        'e.mvc75_threshold',
      ])
      .where('s.patient_id', '=', patientId)
      .orderBy('e.channel_name')
      .execute();
  }
}
