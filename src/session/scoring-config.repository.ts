import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import { weightsOf } from '../scoring-config/scoring-config.values.js';
import { parseTargets, type ConfigTargets } from './config-targets.js';

/** A session's configuration: the scoring library's config and its clinical targets. */
export interface ResolvedScoring {
  config: ScoringConfig;
  targets: ConfigTargets;
}

const NO_TARGETS: ConfigTargets = { durationMs: {}, contractions: {} };

/**
 * The scoring configuration of a session: get_session_scoring_config() resolves session ->
 * patient -> therapist -> global default; this maps the row to the scoring library's config and
 * the configuration's clinical targets.
 */
@Injectable()
export class ScoringConfigRepository {
  /** The scope of a configuration (as far as the caller may see it). */
  async findScope(trx: Tx, id: string) {
    return trx
      .selectFrom('scoring_configuration')
      .select(['id', 'is_global', 'therapist_id', 'patient_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async forSession(trx: Tx, sessionId: string): Promise<ResolvedScoring> {
    const { rows } = await sql<{
      id: string | null;
    }>`select public.get_session_scoring_config(${sessionId}::uuid, null) as id`.execute(trx);
    const id = rows[0]?.id;
    if (!id) return { config: GHOSTLY_TRIAL_DEFAULT, targets: NO_TARGETS };
    const row = await trx
      .selectFrom('scoring_configuration')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return { config: GHOSTLY_TRIAL_DEFAULT, targets: NO_TARGETS };
    const rpe: Record<number, number> = {};
    for (const [k, v] of Object.entries(row.rpe_mapping ?? {})) rpe[Number(k)] = v.score;
    const config: ScoringConfig = {
      ...GHOSTLY_TRIAL_DEFAULT,
      id: row.id,
      name: row.configuration_name,
      weights: weightsOf(row),
      rpeMapping: Object.keys(rpe).length > 0 ? rpe : GHOSTLY_TRIAL_DEFAULT.rpeMapping,
    };
    return { config, targets: parseTargets(row.target_defaults) };
  }
}
