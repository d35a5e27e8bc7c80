/**
 * The original client's per-therapist / per-patient weights (GET and POST
 * /scoring/configurations/custom) and the admin's trial default (PUT .../default). Saving
 * changed weights goes through ConfigVersioning, so sessions already scored keep theirs.
 */
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import { refusedByRls } from '../../shared/database/db-errors.js';
import { DbContext, type Tx } from '../../infrastructure/database/db-context.js';
import { NotFoundError, ValidationFailedError } from '../../shared/errors/app-error.js';
import {
  type CustomConfigQueryDto,
  type OriginalScoringConfigBodyDto,
  type OriginalScoringConfigDto,
  toOriginalConfigDto,
} from '../dto/original-config.dto.js';
import { TRIAL_DEFAULT_CONFIG_ID } from '../scoring-config.defaults.js';
import { ScoringConfigurationRepository } from '../scoring-config.repository.js';
import { assertWeightSums, resolveWeights } from '../scoring-config.values.js';
import { ConfigAccess, WRITE_FORBIDDEN } from './config-access.js';
import { ConfigVersioning } from './config-versioning.js';

const NO_CUSTOM = 'No custom configuration found';
export const TRIAL_DEFAULT_NAME = 'GHOSTLY-TRIAL-DEFAULT';
const TRIAL_DEFAULT_DESCRIPTION = 'GHOSTLY+ clinical trial default scoring weights';

@Injectable()
export class CustomConfigService {
  constructor(
    private readonly db: DbContext,
    private readonly configs: ScoringConfigurationRepository,
    private readonly access: ConfigAccess,
    private readonly versioning: ConfigVersioning,
  ) {}

  /** The newest active configuration of exactly (therapist, patient) or (therapist, no patient). */
  getCustom(user: AuthUser, query: CustomConfigQueryDto): Promise<OriginalScoringConfigDto> {
    const therapistId = this.requireTherapist(query.therapist_id);
    return this.db.asUser(user, async (trx) => {
      await this.access.assertTherapist(trx, user, therapistId, NO_CUSTOM);
      const patientId =
        query.patient_id === undefined ? null : (await this.access.findPatient(trx, query.patient_id)).id;
      const row = await this.configs.findScoped(trx, therapistId, patientId, { activeOnly: true });
      if (!row) throw new NotFoundError('scoring_config_not_found', NO_CUSTOM);
      return toOriginalConfigDto(row);
    });
  }

  /**
   * Updates the scope's newest configuration or creates one. Unlike the original (which left it
   * inactive, so nothing ever scored with it), the saved configuration is active: it is what
   * this therapist's or patient's new sessions are scored with.
   */
  saveCustom(user: AuthUser, dto: OriginalScoringConfigBodyDto): Promise<OriginalScoringConfigDto> {
    const therapistId = this.requireTherapist(dto.therapist_id);
    const weights = resolveWeights(dto);
    assertWeightSums(weights);
    const description = dto.description ?? null;
    return this.withStaleDropped(user, async (trx) => {
      const scope = await this.access.scopeOf(trx, user, therapistId, dto.patient_id);
      const existing = await this.configs.findScoped(trx, therapistId, scope.patientId, {
        activeOnly: false,
      });
      if (existing) {
        const applied = await this.versioning.apply(
          trx,
          user,
          existing,
          { configuration_name: dto.configuration_name, description, active: true, weights },
          'scoring_config_custom_update',
        );
        return { id: existing.id, stale: applied.staleCacheKeys };
      }
      const id = await refusedByRls(
        () =>
          this.configs.insert(trx, {
            configuration_name: dto.configuration_name,
            description,
            ...weights,
            active: true,
            is_global: false,
            therapist_id: scope.therapistId,
            patient_id: scope.patientId,
            created_by: user.id,
          }),
        WRITE_FORBIDDEN,
        'You may not save a scoring configuration for this therapist or patient',
      );
      await this.access.record(trx, user, 'scoring_config_custom_create', id, {
        configuration_name: dto.configuration_name,
        therapist_id: scope.therapistId,
        patient_id: scope.patientId,
        weights,
      });
      return { id, stale: [] };
    });
  }

  /** Overwrites GHOSTLY-TRIAL-DEFAULT (admins only) and makes it the global configuration in force. */
  putDefault(user: AuthUser, dto: OriginalScoringConfigBodyDto): Promise<OriginalScoringConfigDto> {
    const weights = resolveWeights(dto);
    assertWeightSums(weights);
    return this.withStaleDropped(user, async (trx) => {
      const current = await this.access.findVisible(trx, TRIAL_DEFAULT_CONFIG_ID);
      const applied = await this.versioning.apply(
        trx,
        user,
        current,
        {
          configuration_name: TRIAL_DEFAULT_NAME,
          description: dto.description ?? TRIAL_DEFAULT_DESCRIPTION,
          active: true,
          is_global: true,
          weights,
        },
        'scoring_config_default_update',
      );
      await this.configs.activate(trx, TRIAL_DEFAULT_CONFIG_ID);
      return { id: TRIAL_DEFAULT_CONFIG_ID, stale: applied.staleCacheKeys };
    });
  }

  /** Runs the change, reads the result in the same transaction, then drops stale cached sessions. */
  private async withStaleDropped(
    user: AuthUser,
    work: (trx: Tx) => Promise<{ id: string; stale: string[] }>,
  ): Promise<OriginalScoringConfigDto> {
    const { dto, stale } = await this.db.asUser(user, async (trx) => {
      const { id, stale } = await work(trx);
      return { dto: toOriginalConfigDto(await this.access.findVisible(trx, id)), stale };
    });
    await this.versioning.dropStale(stale);
    return dto;
  }

  private requireTherapist(therapistId: string | undefined): string {
    if (!therapistId) {
      throw new ValidationFailedError('therapist_id is required', undefined, 'therapist_id_required');
    }
    return therapistId;
  }
}
