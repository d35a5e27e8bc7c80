import { Injectable } from '@nestjs/common';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { SessionResultRows } from './session-results.mapper.js';

/**
 * The derived rows of a session. `replace` deletes and re-inserts them with one multi-row
 * INSERT per table, inside the caller's transaction, so a reader sees the old set or the new
 * set and a crash leaves nothing half-written.
 */
@Injectable()
export class SessionResultsRepository {
  async replace(trx: Tx, sessionId: string, rows: SessionResultRows): Promise<void> {
    await this.deleteAll(trx, sessionId);
    if (rows.statistics.length) await trx.insertInto('emg_statistics').values(rows.statistics).execute();
    if (rows.contractions.length) await trx.insertInto('contractions').values(rows.contractions).execute();
    if (rows.bfr.length) await trx.insertInto('bfr_monitoring').values(rows.bfr).execute();
    await trx.insertInto('session_settings').values(rows.settings).execute();
    await trx.insertInto('performance_scores').values(rows.scores).execute();
  }

  async deleteAll(trx: Tx, sessionId: string): Promise<void> {
    for (const table of [
      'contractions',
      'emg_statistics',
      'bfr_monitoring',
      'session_settings',
      'performance_scores',
    ] as const) {
      await trx.deleteFrom(table).where('session_id', '=', sessionId).execute();
    }
  }

  async read(trx: Tx, sessionId: string) {
    const [statistics, contractions, scores, settings, bfr] = await Promise.all([
      trx
        .selectFrom('emg_statistics')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('channel_name')
        .execute(),
      trx
        .selectFrom('contractions')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('channel_name')
        .orderBy('idx')
        .execute(),
      trx.selectFrom('performance_scores').selectAll().where('session_id', '=', sessionId).executeTakeFirst(),
      trx.selectFrom('session_settings').selectAll().where('session_id', '=', sessionId).executeTakeFirst(),
      trx
        .selectFrom('bfr_monitoring')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('channel_name')
        .execute(),
    ]);
    return { statistics, contractions, scores, settings, bfr };
  }

  /** Scores only (rescoring keeps the analysis rows). */
  async replaceScores(
    trx: Tx,
    sessionId: string,
    rows: Pick<SessionResultRows, 'scores' | 'bfr'>,
  ): Promise<void> {
    await trx.deleteFrom('performance_scores').where('session_id', '=', sessionId).execute();
    await trx.deleteFrom('bfr_monitoring').where('session_id', '=', sessionId).execute();
    if (rows.bfr.length) await trx.insertInto('bfr_monitoring').values(rows.bfr).execute();
    await trx.insertInto('performance_scores').values(rows.scores).execute();
  }
}
