/**
 * Lookups and checks shared by the scoring-configuration use cases: what the caller may see
 * (RLS hides other therapists' configurations and patients, hence 404), which scope a request
 * names, and the audit entry every change leaves.
 */
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import type { Tx } from '../../infrastructure/database/db-context.js';
import { NotFoundError, ValidationFailedError } from '../../shared/errors/app-error.js';
import { AuditLogRepository } from '../../user/audit-log.repository.js';
import { UserProfileRepository } from '../../user/user-profile.repository.js';
import type { ScoringConfigRow } from '../dto/scoring-config.dto.js';
import type { ConfigPatientRef } from '../scoring-config-reads.repository.js';
import { type ConfigScope, ScoringConfigurationRepository } from '../scoring-config.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const SCORING_CONFIG_TABLE = 'scoring_configuration';
export const WRITE_FORBIDDEN = 'scoring_config_write_forbidden';

@Injectable()
export class ConfigAccess {
  constructor(
    private readonly configs: ScoringConfigurationRepository,
    private readonly profiles: UserProfileRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async findVisible(trx: Tx, id: string): Promise<ScoringConfigRow> {
    const row = await this.configs.findById(trx, id);
    if (!row) throw new NotFoundError('scoring_config_not_found', 'Scoring configuration not found');
    return row;
  }

  /** A patient by UUID or code, if the caller may see it; 404 otherwise. */
  async findPatient(trx: Tx, ref: string): Promise<ConfigPatientRef> {
    const patient = UUID.test(ref)
      ? await this.configs.findPatientById(trx, ref)
      : await this.configs.findPatient(trx, ref.toUpperCase());
    if (!patient) throw new NotFoundError('patient_not_found', `Patient not found: ${ref}`);
    return patient;
  }

  /**
   * A therapist the caller may act for: therapists only themselves (anyone else is 404, like any
   * other therapist's data), admins any active therapist, researchers (reading) anyone.
   */
  async assertTherapist(trx: Tx, user: AuthUser, therapistId: string, notFound: string): Promise<void> {
    if (user.role === 'therapist') {
      if (therapistId !== user.id) throw new NotFoundError('therapist_not_found', notFound);
      return;
    }
    if (user.role === 'admin' && !(await this.profiles.isActiveTherapist(trx, therapistId))) {
      throw new NotFoundError('therapist_not_found', notFound);
    }
  }

  /**
   * The scope named by an original-API body: a patient (its therapist), a therapist, or global
   * when neither is given. RLS decides afterwards whether the caller may write it.
   */
  async scopeOf(
    trx: Tx,
    user: AuthUser,
    therapistId: string | undefined,
    patientRef: string | undefined,
  ): Promise<ConfigScope> {
    if (patientRef !== undefined) {
      const patient = await this.findPatient(trx, patientRef);
      if (therapistId !== undefined) {
        await this.assertTherapist(trx, user, therapistId, `Therapist not found: ${therapistId}`);
        if (therapistId !== patient.therapist_id) {
          throw new ValidationFailedError(
            "therapist_id is not the patient's therapist",
            undefined,
            'scoring_scope_invalid',
          );
        }
      }
      return { isGlobal: false, therapistId: patient.therapist_id, patientId: patient.id };
    }
    if (therapistId !== undefined) {
      await this.assertTherapist(trx, user, therapistId, `Therapist not found: ${therapistId}`);
      return { isGlobal: false, therapistId, patientId: null };
    }
    return { isGlobal: true, therapistId: null, patientId: null };
  }

  record(
    trx: Tx,
    user: AuthUser,
    action: string,
    recordId: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.append(trx, {
      userId: user.id,
      userRole: user.role,
      action,
      tableName: SCORING_CONFIG_TABLE,
      recordId,
      changes,
    });
  }
}
