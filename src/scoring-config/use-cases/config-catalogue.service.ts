/**
 * The original API's catalogue verbs: list, the global configuration in force, create, activate
 * and delete. Visibility and write rights come from RLS (another therapist's configuration is
 * 404, one the caller may see but not write is 403).
 */
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import { refusedByRls } from '../../shared/database/db-errors.js';
import { DbContext } from '../../infrastructure/database/db-context.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationFailedError,
} from '../../shared/errors/app-error.js';
import { conflictOnSqlState } from '../sql-conflict.js';
import {
  type ConfigActivatedDto,
  type ConfigDeletedDto,
  type OriginalScoringConfigBodyDto,
  type OriginalScoringConfigDto,
  toOriginalConfigDto,
} from '../dto/original-config.dto.js';
import { TRIAL_DEFAULT_CONFIG_ID } from '../scoring-config.defaults.js';
import { ScoringConfigurationRepository } from '../scoring-config.repository.js';
import { assertWeightSums, resolveWeights } from '../scoring-config.values.js';
import { ConfigAccess, WRITE_FORBIDDEN } from './config-access.js';

@Injectable()
export class ConfigCatalogueService {
  constructor(
    private readonly db: DbContext,
    private readonly configs: ScoringConfigurationRepository,
    private readonly access: ConfigAccess,
  ) {}

  list(user: AuthUser): Promise<OriginalScoringConfigDto[]> {
    return this.db.asUser(user, async (trx) => (await this.configs.listAll(trx)).map(toOriginalConfigDto));
  }

  /**
   * The global configuration new sessions fall back to (the one scoring really uses: the trial
   * default unless another global one was activated since), not merely the newest active row.
   */
  active(user: AuthUser): Promise<OriginalScoringConfigDto> {
    return this.db.asUser(user, async (trx) => {
      const id = await this.configs.idInForce(trx, null);
      const row = id ? await this.configs.findById(trx, id) : undefined;
      if (!row) throw new NotFoundError('scoring_config_not_found', 'No active scoring configuration found');
      return toOriginalConfigDto(row);
    });
  }

  /** Inserted inactive, as the original; the scope follows therapist_id / patient_id. */
  create(user: AuthUser, dto: OriginalScoringConfigBodyDto): Promise<OriginalScoringConfigDto> {
    const weights = resolveWeights(dto);
    assertWeightSums(weights);
    return this.db.asUser(user, async (trx) => {
      const scope = await this.access.scopeOf(trx, user, dto.therapist_id, dto.patient_id);
      const id = await refusedByRls(
        () =>
          this.configs.insert(trx, {
            configuration_name: dto.configuration_name,
            description: dto.description ?? null,
            ...weights,
            active: false,
            is_global: scope.isGlobal,
            therapist_id: scope.therapistId,
            patient_id: scope.patientId,
            created_by: user.id,
          }),
        WRITE_FORBIDDEN,
        'You may not create a scoring configuration in this scope',
      );
      await this.access.record(trx, user, 'scoring_config_create', id, {
        configuration_name: dto.configuration_name,
        is_global: scope.isGlobal,
        therapist_id: scope.therapistId,
        patient_id: scope.patientId,
        weights,
      });
      return toOriginalConfigDto(await this.access.findVisible(trx, id));
    });
  }

  /**
   * Activates a configuration and deactivates the others of its scope (the trial default stays
   * active, as its trigger demands). A global one activated this way is the one in force.
   */
  activate(user: AuthUser, id: string): Promise<ConfigActivatedDto> {
    return this.db.asUser(user, async (trx) => {
      const current = await this.access.findVisible(trx, id);
      if (current.superseded_at !== null) {
        throw new ConflictError(
          'scoring_config_superseded',
          'This is an earlier version kept for the sessions scored with it; activate the current one',
        );
      }
      const scope = {
        isGlobal: current.is_global,
        therapistId: current.therapist_id,
        patientId: current.patient_id,
      };
      await refusedByRls(async () => {
        await this.configs.deactivateOthersInScope(trx, scope, id, TRIAL_DEFAULT_CONFIG_ID);
        if (!(await this.configs.activate(trx, id))) {
          throw new ForbiddenError(WRITE_FORBIDDEN, 'You may not activate this scoring configuration');
        }
      }, WRITE_FORBIDDEN);
      await this.access.record(trx, user, 'scoring_config_activate', id, { was_active: current.active });
      return { message: 'Configuration activated successfully', config_id: id };
    });
  }

  /** Never the trial default, never an active configuration, never one that scored sessions. */
  remove(user: AuthUser, id: string): Promise<ConfigDeletedDto> {
    return this.db.asUser(user, async (trx) => {
      const current = await this.access.findVisible(trx, id);
      if (id === TRIAL_DEFAULT_CONFIG_ID) {
        throw new ConflictError('scoring_config_protected', 'GHOSTLY-TRIAL-DEFAULT cannot be deleted');
      }
      if (current.active) {
        throw new ValidationFailedError(
          'Cannot delete active scoring configuration',
          undefined,
          'scoring_config_active',
        );
      }
      const deleted = await refusedByRls(
        () =>
          conflictOnSqlState(
            '23503',
            'scoring_config_in_use',
            'Stored sessions were scored with this configuration; it cannot be deleted',
            () => this.configs.delete(trx, id),
          ),
        WRITE_FORBIDDEN,
      );
      if (!deleted)
        throw new ForbiddenError(WRITE_FORBIDDEN, 'You may not delete this scoring configuration');
      await this.access.record(trx, user, 'scoring_config_delete', id, {
        configuration_name: current.configuration_name,
        is_global: current.is_global,
        therapist_id: current.therapist_id,
        patient_id: current.patient_id,
      });
      return { message: 'Configuration deleted successfully' };
    });
  }
}
