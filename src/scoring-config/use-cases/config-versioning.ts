/**
 * Changing the values of an existing configuration without rewriting history: when stored
 * sessions were scored with the current weights, those are frozen into an inactive row that the
 * sessions move onto (same scores, same weights, nothing rescored), and the configuration itself
 * takes the new values under a new version number.
 */
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import { refusedByRls } from '../../shared/database/db-errors.js';
import { CacheService } from '../../infrastructure/cache/cache.service.js';
import type { Tx } from '../../infrastructure/database/db-context.js';
import { ForbiddenError } from '../../shared/errors/app-error.js';
import type { ScoringConfigRow } from '../dto/scoring-config.dto.js';
import { WEIGHT_COLUMNS, type WeightColumns } from '../scoring-config.defaults.js';
import { pickWeights } from '../scoring-config.values.js';
import { type ConfigValuesPatch, ScoringConfigurationRepository } from '../scoring-config.repository.js';
import { ConfigAccess, WRITE_FORBIDDEN } from './config-access.js';

export interface NewConfigValues extends Omit<ConfigValuesPatch, keyof WeightColumns> {
  weights: WeightColumns;
}

export interface AppliedValues {
  /** The frozen earlier version, when sessions used it. */
  frozenId: string | null;
  /** Cached session results that named the configuration; drop them after the commit. */
  staleCacheKeys: string[];
}

@Injectable()
export class ConfigVersioning {
  constructor(
    private readonly configs: ScoringConfigurationRepository,
    private readonly access: ConfigAccess,
    private readonly cache: CacheService,
  ) {}

  /** Applies `next` to `current` (a visible, current configuration) and audits it as `action`. */
  async apply(
    trx: Tx,
    user: AuthUser,
    current: ScoringConfigRow,
    next: NewConfigValues,
    action: string,
  ): Promise<AppliedValues> {
    const weightsChanged = WEIGHT_COLUMNS.some((k) => current[k] !== next.weights[k]);
    const forbidden = () =>
      new ForbiddenError(WRITE_FORBIDDEN, 'You may not change this scoring configuration');
    let frozenId: string | null = null;
    let staleCacheKeys: string[] = [];
    if (weightsChanged) {
      frozenId = await refusedByRls(() => this.configs.freezeVersion(trx, current.id), WRITE_FORBIDDEN);
      if (frozenId) {
        const sessions = await this.configs.sessionsScoredWith(trx, frozenId);
        staleCacheKeys = sessions.map((s) => CacheService.sessionResultKey(s.id, s.result_version));
      }
    }
    const { weights, ...rest } = next;
    const updated = await refusedByRls(
      () => this.configs.updateValues(trx, current.id, { ...rest, ...weights }, weightsChanged),
      WRITE_FORBIDDEN,
    );
    // Visible but not updated: the update policy hid the row from this caller.
    if (!updated) throw forbidden();
    await this.access.record(trx, user, action, current.id, {
      before: {
        configuration_name: current.configuration_name,
        description: current.description,
        active: current.active,
        version: current.version,
        weights: pickWeights(current),
      },
      after: {
        ...rest,
        version: weightsChanged ? current.version + 1 : current.version,
        weights,
      },
      frozen_version_id: frozenId,
    });
    return { frozenId, staleCacheKeys };
  }

  async dropStale(keys: string[]): Promise<void> {
    for (const key of keys) await this.cache.del(key);
  }
}
