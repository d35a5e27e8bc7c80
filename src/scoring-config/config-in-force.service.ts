import type { ScoringConfig } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext, type Tx } from '../infrastructure/database/db-context.js';
import { NotFoundError } from '../shared/errors/app-error.js';
import { type ConfigTargets, parseTargets } from './config-targets.js';
import type { ScoringConfigRow } from './dto/scoring-config.dto.js';
import { ScoringConfigurationRepository } from './scoring-config.repository.js';
import { toLibraryConfig } from './scoring-config.values.js';
import { ConfigAccess } from './use-cases/config-access.js';

/** The configuration in force for a therapist and/or patient, in every form a caller may need. */
export interface ConfigurationInForce {
  /** The stored row (weights, target_defaults, version, scope columns). */
  row: ScoringConfigRow;
  /** As the scoring library takes it. */
  scoring: ScoringConfig;
  /** Its clinical targets (target_defaults), parsed. */
  targets: ConfigTargets;
}

/**
 * Which configuration a new session would be scored with: for a patient, the patient's current
 * one, else the newest active patient-scoped, else the newest active of the patient's therapist;
 * for a therapist alone, the newest active therapist-wide one; then the global one in force.
 * The same order as get_session_scoring_config(), which the session pipeline uses.
 */
@Injectable()
export class ConfigInForceService {
  constructor(
    private readonly db: DbContext,
    private readonly configs: ScoringConfigurationRepository,
    private readonly access: ConfigAccess,
  ) {}

  /**
   * `patientId` is a patient's UUID or code. Another therapist's patient, or (for a therapist)
   * another therapist, is 404.
   */
  configurationInForce(
    user: AuthUser,
    who: { therapistId?: string; patientId?: string } = {},
  ): Promise<ConfigurationInForce> {
    return this.db.asUser(user, (trx) => this.resolve(trx, user, who));
  }

  /**
   * The global configuration in force (the trial default unless another global one was
   * activated), for callers without an identity (anonymous analysis): configurations are not
   * patient data, and a service context reads only this one row.
   */
  globalInForce(): Promise<ConfigurationInForce> {
    return this.db.asService('global scoring configuration in force', async (trx) => {
      const id = await this.configs.idInForce(trx, null);
      const row = id ? await this.configs.findById(trx, id) : undefined;
      if (!row) throw new NotFoundError('scoring_config_not_found', 'No active scoring configuration found');
      return { row, scoring: toLibraryConfig(row), targets: parseTargets(row.target_defaults) };
    });
  }

  /** The same inside the caller's transaction. */
  async resolve(
    trx: Tx,
    user: AuthUser,
    who: { therapistId?: string; patientId?: string },
  ): Promise<ConfigurationInForce> {
    let id: string | null = null;
    if (who.patientId !== undefined) {
      const patient = await this.access.findPatient(trx, who.patientId);
      id = await this.configs.idInForce(trx, patient.id);
    } else if (who.therapistId !== undefined) {
      await this.access.assertTherapist(
        trx,
        user,
        who.therapistId,
        `Therapist not found: ${who.therapistId}`,
      );
      id = (await this.configs.findScoped(trx, who.therapistId, null, { activeOnly: true }))?.id ?? null;
    }
    id ??= await this.configs.idInForce(trx, null);
    const row = id ? await this.configs.findById(trx, id) : undefined;
    if (!row) throw new NotFoundError('scoring_config_not_found', 'No active scoring configuration found');
    return { row, scoring: toLibraryConfig(row), targets: parseTargets(row.target_defaults) };
  }
}
