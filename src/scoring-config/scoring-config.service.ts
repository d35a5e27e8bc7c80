import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { refusedByRls } from '../shared/database/db-errors.js';
import { DbContext, type Tx } from '../infrastructure/database/db-context.js';
import {
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  ValidationFailedError,
} from '../shared/errors/app-error.js';
import { type Page, pageRequest, toKeysetPage } from '../shared/pagination/page.dto.js';
import { conflictOnSqlState } from './sql-conflict.js';
import type {
  CreateScoringConfigDto,
  ListScoringConfigsQueryDto,
  UpdateScoringConfigDto,
} from './dto/scoring-config-request.dto.js';
import {
  type ScoringConfigDto,
  type ScoringConfigRow,
  toScoringConfigDto,
} from './dto/scoring-config.dto.js';
import { ScoringConfigurationRepository } from './scoring-config.repository.js';
import { appliesToPatient, configValues, toLibraryConfig } from './scoring-config.values.js';
import { parseTargets, type ConfigTargets } from './config-targets.js';
import { UserProfileRepository } from '../user/user-profile.repository.js';
import { ConfigAccess, WRITE_FORBIDDEN } from './use-cases/config-access.js';

/** A session's configuration: the scoring library's config and its clinical targets. */
export interface ResolvedScoring {
  config: ScoringConfig;
  targets: ConfigTargets;
}

const NO_TARGETS: ConfigTargets = { durationMs: {}, contractions: {} };

interface ScopeColumns {
  is_global: boolean;
  therapist_id: string | null;
  patient_id: string | null;
}

/**
 * Runs an update and turns protect_trial_config's refusal (plpgsql raise_exception, P0001:
 * the trial default must stay active and global) into a 409.
 */
function conflictWhenProtected<T>(work: () => Promise<T>): Promise<T> {
  return conflictOnSqlState(
    'P0001',
    'scoring_config_protected',
    'GHOSTLY-TRIAL-DEFAULT must stay active and global',
    work,
  );
}

/**
 * Scoring configurations. Everyone active may read them; who may write which scope is RLS's
 * can_write_scoring_scope (a therapist: themself or their own patients, never global), so a
 * refused write surfaces as 403. Weights and targets are fixed at creation: sessions keep
 * the meaning of the configuration they were scored with.
 */
@Injectable()
export class ScoringConfigService {
  constructor(
    private readonly db: DbContext,
    private readonly configs: ScoringConfigurationRepository,
    private readonly profiles: UserProfileRepository,
    private readonly access: ConfigAccess,
  ) {}

  list(user: AuthUser, query: ListScoringConfigsQueryDto): Promise<Page<ScoringConfigDto>> {
    const page = pageRequest(query);
    return this.db.asUser(user, async (trx) =>
      toKeysetPage(
        await this.configs.list(trx, { patientCode: query.patient_code, active: query.active }, page),
        toScoringConfigDto,
        query,
      ),
    );
  }

  get(user: AuthUser, id: string): Promise<ScoringConfigDto> {
    return this.db.asUser(user, async (trx) => toScoringConfigDto(await this.findVisible(trx, id)));
  }

  create(user: AuthUser, dto: CreateScoringConfigDto): Promise<ScoringConfigDto> {
    const { weights, rpeMapping, targets } = configValues(dto);
    return this.db.asUser(user, async (trx) => {
      const scope = await this.scopeFor(trx, user, dto);
      const id = await refusedByRls(
        () =>
          this.configs.insert(trx, {
            configuration_name: dto.configuration_name,
            description: dto.description ?? null,
            ...weights,
            rpe_mapping: JSON.stringify(rpeMapping),
            target_defaults: JSON.stringify(targets),
            active: dto.active ?? true,
            ...scope,
            created_by: user.id,
          }),
        WRITE_FORBIDDEN,
        `You may not create a ${dto.scope} scoring configuration here`,
      );
      await this.access.record(trx, user, 'scoring_config_create', id, {
        configuration_name: dto.configuration_name,
        ...scope,
        weights,
        rpe_mapping: rpeMapping,
        target_defaults: targets,
      });
      return toScoringConfigDto(await this.findVisible(trx, id));
    });
  }

  update(user: AuthUser, id: string, dto: UpdateScoringConfigDto): Promise<ScoringConfigDto> {
    return this.db.asUser(user, async (trx) => {
      const current = await this.findVisible(trx, id);
      const patch = {
        ...(dto.active !== undefined ? { active: dto.active } : {}),
        ...(dto.configuration_name !== undefined ? { configuration_name: dto.configuration_name } : {}),
        ...(dto.description !== undefined ? { description: dto.description } : {}),
      };
      if (Object.keys(patch).length === 0) return toScoringConfigDto(current);
      const updated = await refusedByRls(
        () => conflictWhenProtected(() => this.configs.update(trx, id, patch)),
        WRITE_FORBIDDEN,
        'You may not change this scoring configuration',
      );
      // Visible but not updated: the update policy hid the row from this caller.
      if (!updated)
        throw new ForbiddenError(WRITE_FORBIDDEN, 'You may not change this scoring configuration');
      await this.access.record(trx, user, 'scoring_config_update', id, {
        before: {
          active: current.active,
          configuration_name: current.configuration_name,
          description: current.description,
        },
        after: patch,
      });
      return toScoringConfigDto(await this.findVisible(trx, id));
    });
  }

  /**
   * The configuration a session is scored with (session -> patient -> therapist -> trial
   * default) as the scoring library's config and its clinical targets. Runs in the caller's
   * transaction: the job's service context, or a user's for rescoring.
   */
  async resolveForSession(trx: Tx, sessionId: string): Promise<ResolvedScoring> {
    const id = await this.configs.idForSession(trx, sessionId);
    const row = id ? await this.configs.findById(trx, id) : undefined;
    if (!row) return { config: GHOSTLY_TRIAL_DEFAULT, targets: NO_TARGETS };
    return { config: toLibraryConfig(row), targets: parseTargets(row.target_defaults) };
  }

  /** 404 for an unknown (or invisible) configuration, 422 for one that may not score this patient. */
  async assertAppliesToPatient(
    trx: Tx,
    configId: string,
    patient: { id: string; therapist_id: string | null },
  ): Promise<void> {
    const scope = await this.configs.findById(trx, configId);
    if (!scope)
      throw new NotFoundError('scoring_config_not_found', `Scoring configuration ${configId} not found`);
    if (!appliesToPatient(scope, patient)) {
      throw new UnprocessableError(
        'scoring_config_not_applicable',
        "The configuration belongs to another therapist or patient; use a global one or one of this patient's therapist",
      );
    }
  }

  /** The scope columns of a new configuration; RLS, not this, decides whether the caller may write it. */
  private async scopeFor(trx: Tx, user: AuthUser, dto: CreateScoringConfigDto): Promise<ScopeColumns> {
    if (dto.scope !== 'patient' && dto.patient_code !== undefined) {
      throw this.scopeInvalid(`patient_code is only for scope patient, not ${dto.scope}`);
    }
    switch (dto.scope) {
      case 'global':
        if (dto.therapist_id !== undefined)
          throw this.scopeInvalid('A global configuration names no therapist');
        return { is_global: true, therapist_id: null, patient_id: null };
      case 'therapist':
        return {
          is_global: false,
          therapist_id: await this.therapistFor(trx, user, dto.therapist_id),
          patient_id: null,
        };
      case 'patient': {
        const patient = await this.configs.findPatient(trx, dto.patient_code!);
        if (!patient) throw new NotFoundError('patient_not_found', `Patient ${dto.patient_code} not found`);
        if (dto.therapist_id !== undefined && dto.therapist_id !== patient.therapist_id) {
          throw this.scopeInvalid("A patient-scoped configuration belongs to the patient's therapist");
        }
        return { is_global: false, therapist_id: patient.therapist_id, patient_id: patient.id };
      }
    }
  }

  /** Therapists default to themselves; admins must name an active therapist. */
  private async therapistFor(trx: Tx, user: AuthUser, requested: string | undefined): Promise<string> {
    if (user.role === 'therapist') return requested ?? user.id;
    if (!requested) {
      throw new ValidationFailedError(
        'therapist_id is required for scope therapist',
        undefined,
        'therapist_id_required',
      );
    }
    if (!(await this.profiles.isActiveTherapist(trx, requested))) {
      throw new ValidationFailedError(`No active therapist ${requested}`, undefined, 'therapist_not_found');
    }
    return requested;
  }

  private async findVisible(trx: Tx, id: string): Promise<ScoringConfigRow> {
    const row = await this.configs.findById(trx, id);
    if (!row) throw new NotFoundError('scoring_config_not_found', `Scoring configuration ${id} not found`);
    return row;
  }

  private scopeInvalid(message: string): ValidationFailedError {
    return new ValidationFailedError(message, undefined, 'scoring_scope_invalid');
  }
}
