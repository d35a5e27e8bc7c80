import { Injectable } from '@nestjs/common';
import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { ScoringConfigurationTable } from '../infrastructure/database/database.types.js';
import type { WeightColumn } from './scoring-config.defaults.js';
import { ScoringConfigurationReads } from './scoring-config-reads.repository.js';

/** Which configurations a scope is: global, one therapist's (patient null) or one patient's. */
export interface ConfigScope {
  isGlobal: boolean;
  therapistId: string | null;
  patientId: string | null;
}

/** The values a new version of a configuration changes. */
export type ConfigValuesPatch = Pick<
  Updateable<ScoringConfigurationTable>,
  'configuration_name' | 'description' | 'active' | 'is_global' | WeightColumn
>;

/**
 * All SQL on scoring_configuration: the reads (ScoringConfigurationReads, in
 * scoring-config-reads.repository.ts) and, here, the writes. Methods run in the caller's
 * transaction: row-level security decides what may be written (can_write_scoring_scope).
 */
@Injectable()
export class ScoringConfigurationRepository extends ScoringConfigurationReads {
  async insert(trx: Tx, values: Insertable<ScoringConfigurationTable>): Promise<string> {
    const row = await trx
      .insertInto('scoring_configuration')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
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

  /**
   * Freezes the configuration's current values into a new inactive row if stored sessions or
   * scores use them, and moves those onto it; the frozen row's id, or null when nothing used them.
   */
  async freezeVersion(trx: Tx, id: string): Promise<string | null> {
    const { rows } = await sql<{
      id: string | null;
    }>`select public.freeze_scoring_config_version(${id}::uuid) as id`.execute(trx);
    return rows[0]?.id ?? null;
  }

  /** New values for a configuration; its version goes up by one when `newVersion`. */
  async updateValues(
    trx: Tx,
    id: string,
    patch: ConfigValuesPatch,
    newVersion: boolean,
  ): Promise<string | undefined> {
    const row = await trx
      .updateTable('scoring_configuration')
      .set({ ...patch, ...(newVersion ? { version: sql<number>`version + 1` } : {}) })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** Marks the configuration active and activated now. */
  async activate(trx: Tx, id: string): Promise<string | undefined> {
    const row = await trx
      .updateTable('scoring_configuration')
      .set({ active: true, activated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** Deactivates the other active configurations of the same scope (never the trial default). */
  async deactivateOthersInScope(
    trx: Tx,
    scope: ConfigScope,
    exceptId: string,
    trialId: string,
  ): Promise<void> {
    let query = trx
      .updateTable('scoring_configuration')
      .set({ active: false })
      .where('active', '=', true)
      .where('id', 'not in', [exceptId, trialId])
      .where('is_global', '=', scope.isGlobal);
    query =
      scope.therapistId === null
        ? query.where('therapist_id', 'is', null)
        : query.where('therapist_id', '=', scope.therapistId);
    query =
      scope.patientId === null
        ? query.where('patient_id', 'is', null)
        : query.where('patient_id', '=', scope.patientId);
    await query.execute();
  }

  /** The id when deleted; undefined when RLS hid the row from the delete. */
  async delete(trx: Tx, id: string): Promise<string | undefined> {
    const row = await trx
      .deleteFrom('scoring_configuration')
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }
}
