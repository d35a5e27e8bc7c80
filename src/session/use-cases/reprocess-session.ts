import { Injectable } from '@nestjs/common';
import { toAnalysisParams } from '../../analysis/dto/analysis-params.dto.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { DbContext, type Tx } from '../../infrastructure/database/db-context.js';
import { PatientRepository } from '../../patient/patient.repository.js';
import { ScoringConfigService } from '../../scoring-config/scoring-config.service.js';
import { ConflictError } from '../../shared/errors/app-error.js';
import type { ReprocessSessionDto } from '../dto/session-request.dto.js';
import type { SessionStatusDto } from '../dto/session-response.dto.js';
import { SessionProducer } from '../queue/session.producer.js';
import { toSessionStatusDto } from '../session.mapper.js';
import { latestRunParams } from '../session-params.js';
import { type SessionRow, SessionRepository } from '../session.repository.js';
import { findVisible } from './session-queries.js';

/**
 * Queues a finished session for another run, with parameters merged over the ones it was
 * requested with, optionally another scoring configuration or profile. The new run replaces the
 * results atomically (see ProcessSession); a session queued or processing is busy (409).
 */
@Injectable()
export class ReprocessSession {
  constructor(
    private readonly db: DbContext,
    private readonly sessions: SessionRepository,
    private readonly patients: PatientRepository,
    private readonly scoring: ScoringConfigService,
    private readonly producer: SessionProducer,
  ) {}

  async reprocess(user: AuthUser, sessionCode: string, dto: ReprocessSessionDto): Promise<SessionStatusDto> {
    const row = await this.db.asUser(user, async (trx) => {
      const current = await findVisible(this.sessions, trx, sessionCode);
      if (current.processing_status === 'queued' || current.processing_status === 'processing') {
        throw new ConflictError(
          'session_busy',
          `Session ${current.session_code} is ${current.processing_status}`,
        );
      }
      const configPatch = await this.configChoice(trx, current, dto.scoring_config_id);
      // the given parameters over those of the latest run (what it used, if it completed)
      const latest = latestRunParams(current);
      const given = toAnalysisParams(dto);
      const params = {
        processing_options: { ...latest.processing_options, ...given.processing_options },
        session_params: { ...latest.session_params, ...given.session_params },
      };
      return (await this.sessions.update(trx, current.id, {
        processing_status: 'queued',
        stage: 'queued',
        progress: 0,
        error_code: null,
        error_message: null,
        attempts: current.attempts + 1,
        requested_analysis_params: JSON.stringify(params),
        ...configPatch,
        ...(dto.profile === undefined ? {} : { processing_profile: dto.profile }),
      }))!;
    });
    await this.producer.enqueue(row);
    return toSessionStatusDto(row);
  }

  /**
   * The scoring configuration a reprocess asks for: absent keeps the session's; null lets the
   * job resolve it again; an id must be global or belong to the patient's therapist (therapist-
   * wide, or this patient's own).
   */
  private async configChoice(
    trx: Tx,
    session: SessionRow,
    requested: string | null | undefined,
  ): Promise<{ scoring_config_id?: string | null }> {
    if (requested === undefined) return {};
    if (requested === null) return { scoring_config_id: null };
    const patient = await this.patients.findById(trx, session.patient_id);
    // the patient row is visible: the session is (RLS follows the patient)
    await this.scoring.assertAppliesToPatient(trx, requested, patient!);
    return { scoring_config_id: requested };
  }
}
