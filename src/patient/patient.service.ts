import { Injectable } from '@nestjs/common';
import type { Updateable } from 'kysely';
import type { AuthUser } from '../auth/auth-user.js';
import { refusedByRls } from '../shared/database/db-errors.js';
import { DbContext, type Tx } from '../infrastructure/database/db-context.js';
import type { PatientsTable } from '../infrastructure/database/database.types.js';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../shared/errors/app-error.js';
import { type Page, pageRequest, toKeysetPage } from '../shared/pagination/page.dto.js';
import { UserProfileRepository } from '../user/user-profile.repository.js';
import { type MedicalInfoDto, type PutMedicalInfoDto, toMedicalInfoDto } from './dto/medical-info.dto.js';
import {
  type CreatePatientDto,
  type ListPatientsQueryDto,
  type PatientDto,
  type PatientRow,
  toPatientDto,
  type UpdatePatientDto,
} from './dto/patient.dto.js';
import { PatientRepository } from './patient.repository.js';
import { ScoringConfigService } from '../scoring-config/scoring-config.service.js';
import { calculateAdherence, protocolDay } from '@app/scoring';
import { type AdherenceDto, toAdherenceDto } from './dto/adherence.dto.js';
import { type OriginalAdherenceDto, toOriginalAdherenceDto } from './dto/original-adherence.dto.js';
import { namedTextsColumn } from '../shared/validation/maps.js';

/**
 * Patients as the caller may see them. Visibility is RLS's job (a therapist's query simply
 * finds no other therapist's patient, hence 404); the service adds the rules RLS cannot word
 * as clearly, such as "only admins reassign a patient".
 */
@Injectable()
export class PatientService {
  constructor(
    private readonly db: DbContext,
    private readonly patients: PatientRepository,
    private readonly scoring: ScoringConfigService,
    private readonly profiles: UserProfileRepository,
  ) {}

  create(user: AuthUser, dto: CreatePatientDto): Promise<PatientDto> {
    const { therapist_id: requested, ...fields } = dto;
    return this.db.asUser(user, async (trx) => {
      const therapistId = await this.therapistFor(trx, user, requested);
      const row = await refusedByRls(
        () => this.patients.insert(trx, { ...patientColumns(fields), therapist_id: therapistId }),
        'patient_write_forbidden',
        'You may not create this patient',
      );
      return toPatientDto(row);
    });
  }

  list(user: AuthUser, query: ListPatientsQueryDto): Promise<Page<PatientDto>> {
    const page = pageRequest(query);
    return this.db.asUser(user, async (trx) => {
      const rows = await this.patients.list(
        trx,
        {
          active: query.active,
          therapistId: query.therapist_id,
          ownPatientsOf: user.role === 'therapist' ? user.id : undefined,
        },
        page,
      );
      return toKeysetPage(rows, toPatientDto, query);
    });
  }

  get(user: AuthUser, patientCode: string): Promise<PatientDto> {
    return this.db.asUser(user, async (trx) => toPatientDto(await this.findVisible(trx, patientCode)));
  }

  update(user: AuthUser, patientCode: string, dto: UpdatePatientDto): Promise<PatientDto> {
    return this.db.asUser(user, async (trx) => {
      const current = await this.findVisible(trx, patientCode);
      const patch: Updateable<PatientsTable> = patientColumns(dto);
      if (dto.therapist_id !== undefined && dto.therapist_id !== current.therapist_id) {
        if (user.role !== 'admin') {
          throw new ForbiddenError('patient_reassign_forbidden', 'Only admins may reassign a patient');
        }
        patch.therapist_id = await this.therapistFor(trx, user, dto.therapist_id);
      }
      if (dto.current_scoring_config_id) {
        await this.scoring.assertAppliesToPatient(trx, dto.current_scoring_config_id, {
          id: current.id,
          therapist_id: patch.therapist_id ?? current.therapist_id,
        });
      }
      if (Object.keys(patch).length === 0) return toPatientDto(current);
      const row = await refusedByRls(
        () => this.patients.updateByCode(trx, patientCode, patch),
        'patient_write_forbidden',
        'You may not change this patient',
      );
      if (!row) throw this.notFound(patientCode);
      return toPatientDto(row);
    });
  }

  /**
   * Adherence as the original computed it, from the patient's own completed sessions (the original
   * listed the bucket root for every patient at once), or from `completed` when the client gives
   * its own count. The window is the protocol's days so far: from the start of day (UTC)
   * protocol_day - 1 days ago.
   */
  adherence(
    user: AuthUser,
    patientCode: string,
    options: { completed?: number; now?: Date } = {},
  ): Promise<AdherenceDto> {
    const now = options.now ?? new Date();
    return this.db.asUser(user, async (trx) => {
      const patient = await this.findVisible(trx, patientCode);
      const day = protocolDay(new Date(patient.treatment_start_date), now);
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const since = new Date(today - (day - 1) * 86_400_000);
      const completed =
        options.completed ?? (await this.patients.countCompletedSince(trx, patient.id, since));
      return toAdherenceDto(
        patient.patient_code,
        calculateAdherence(completed, day),
        patient.total_sessions_planned,
        since,
      );
    });
  }

  /** The same in the original API's shape (GET /scoring/adherence/{code}). */
  async originalAdherence(
    user: AuthUser,
    patientCode: string,
    completed: number | undefined,
  ): Promise<OriginalAdherenceDto> {
    return toOriginalAdherenceDto(await this.adherence(user, patientCode, { completed }));
  }

  getMedicalInfo(user: AuthUser, patientCode: string): Promise<MedicalInfoDto> {
    return this.db.asUser(user, async (trx) => {
      const patient = await this.findVisible(trx, patientCode);
      const info = await this.patients.findMedicalInfo(trx, patient.id);
      if (!info)
        throw new NotFoundError('medical_info_not_found', `No medical information for ${patientCode}`);
      return toMedicalInfoDto(patient.patient_code, info);
    });
  }

  putMedicalInfo(user: AuthUser, patientCode: string, dto: PutMedicalInfoDto): Promise<MedicalInfoDto> {
    return this.db.asUser(user, async (trx) => {
      const patient = await this.findVisible(trx, patientCode);
      await refusedByRls(
        () =>
          this.patients.upsertMedicalInfo(trx, {
            patient_id: patient.id,
            created_by: user.id,
            first_name: dto.first_name,
            last_name: dto.last_name,
            date_of_birth: dto.date_of_birth,
            gender: dto.gender,
            room_number: dto.room_number ?? null,
            admission_date: dto.admission_date ?? null,
            primary_diagnosis: dto.primary_diagnosis ?? null,
            mobility_status: dto.mobility_status ?? 'bed_rest',
            height_cm: dto.height_cm ?? null,
            weight_kg: dto.weight_kg ?? null,
            cognitive_status: dto.cognitive_status ?? 'alert',
            patient_status: dto.patient_status ?? 'active',
          }),
        'medical_info_forbidden',
        'You may not edit this medical information',
      );
      const info = await this.patients.findMedicalInfo(trx, patient.id);
      return toMedicalInfoDto(patient.patient_code, info!);
    });
  }

  /** Therapists create for themselves; admins must name an active therapist. */
  private async therapistFor(trx: Tx, user: AuthUser, requested: string | undefined): Promise<string> {
    if (user.role === 'therapist') {
      if (requested !== undefined && requested !== user.id) {
        throw new ForbiddenError('patient_other_therapist', 'Therapists create patients for themselves only');
      }
      return user.id;
    }
    if (!requested)
      throw new ValidationFailedError('therapist_id is required', undefined, 'therapist_id_required');
    if (!(await this.profiles.isActiveTherapist(trx, requested))) {
      throw new ValidationFailedError(`No active therapist ${requested}`, undefined, 'therapist_not_found');
    }
    return requested;
  }

  private async findVisible(trx: Tx, patientCode: string): Promise<PatientRow> {
    const row = await this.patients.findByCode(trx, patientCode);
    if (!row) throw this.notFound(patientCode);
    return row;
  }

  private notFound(patientCode: string): NotFoundError {
    return new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
  }
}

/** The request's fields as columns: a muscle mapping keeps the channels it names (none: null). */
function patientColumns<T extends { channel_muscle_mapping?: Record<string, string | null> | null }>(
  fields: T,
) {
  const { channel_muscle_mapping: muscles, ...rest } = fields;
  return muscles === undefined ? rest : { ...rest, channel_muscle_mapping: namedTextsColumn(muscles) };
}
