import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';

/**
 * The scoring configuration of a session: get_session_scoring_config() resolves session ->
 * patient -> therapist -> global default; this maps the row to the scoring library's config.
 */
@Injectable()
export class ScoringConfigRepository {
  async forSession(trx: Tx, sessionId: string): Promise<ScoringConfig> {
    const { rows } = await sql<{
      id: string | null;
    }>`select public.get_session_scoring_config(${sessionId}::uuid, null) as id`.execute(trx);
    const id = rows[0]?.id;
    if (!id) return GHOSTLY_TRIAL_DEFAULT;
    const row = await trx
      .selectFrom('scoring_configuration')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return GHOSTLY_TRIAL_DEFAULT;
    const rpe: Record<number, number> = {};
    for (const [k, v] of Object.entries(row.rpe_mapping ?? {})) rpe[Number(k)] = v.score;
    return {
      ...GHOSTLY_TRIAL_DEFAULT,
      id: row.id,
      name: row.configuration_name,
      weights: {
        compliance: row.weight_compliance,
        symmetry: row.weight_symmetry,
        effort: row.weight_effort,
        game: row.weight_game,
        completion: row.weight_completion,
        intensity: row.weight_intensity,
        duration: row.weight_duration,
      },
      rpeMapping: Object.keys(rpe).length > 0 ? rpe : GHOSTLY_TRIAL_DEFAULT.rpeMapping,
    };
  }
}
