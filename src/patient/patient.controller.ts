import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, ApiJsonBody, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { AdherenceDto } from './dto/adherence.dto.js';
import { MedicalInfoDto, PutMedicalInfoDto } from './dto/medical-info.dto.js';
import {
  CreatePatientDto,
  ListPatientsQueryDto,
  PatientCodeParamDto,
  PatientDto,
  PatientPageDto,
  UpdatePatientDto,
} from './dto/patient.dto.js';
import { PatientService } from './patient.service.js';
import { PutTreatmentTargetsDto, TreatmentTargetsDto } from './dto/treatment-targets.dto.js';
import { TreatmentTargetsService } from './treatment-targets.service.js';

@ApiTags('patients')
@Controller('patients')
export class PatientController {
  constructor(
    private readonly patients: PatientService,
    private readonly targets: TreatmentTargetsService,
  ) {}

  @Post()
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: 'Create a patient (therapists: their own; admins: for any active therapist)' })
  @ApiJsonBody(
    CreatePatientDto,
    { age_group: '51-70', gender: 'F', pathology_category: 'stroke', total_sessions_planned: 30 },
    "A therapist's own patient (admins add therapist_id: the id of an active therapist)",
  )
  @ApiCreatedResponse({ type: PatientDto })
  @ApiErrors(400)
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePatientDto): Promise<PatientDto> {
    return this.patients.create(user, body);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'List the patients the caller may see (therapists: their own)' })
  @ApiOkResponse({ type: PatientPageDto })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListPatientsQueryDto): Promise<PatientPageDto> {
    return this.patients.list(user, query);
  }

  @Get(':patient_code')
  @Auth()
  @ApiOperation({ summary: 'One patient by code' })
  @ApiOkResponse({ type: PatientDto })
  @ApiErrors(ERR.patientNotFound)
  get(@CurrentUser() user: AuthUser, @Param() params: PatientCodeParamDto): Promise<PatientDto> {
    return this.patients.get(user, params.patient_code);
  }

  @Patch(':patient_code')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: 'Change a patient (only admins reassign the therapist)' })
  @ApiOkResponse({ type: PatientDto })
  @ApiErrors(400, ERR.patientNotFound, ERR.validation422)
  update(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @Body() body: UpdatePatientDto,
  ): Promise<PatientDto> {
    return this.patients.update(user, params.patient_code, body);
  }

  @Get(':patient_code/adherence')
  @Auth()
  @ApiOperation({
    summary: 'Adherence to the 14-day protocol (completed sessions against those expected by today)',
    description:
      "Completed sessions dated within the protocol's days so far against 15 per 7 days; no score before day 3.",
  })
  @ApiOkResponse({ type: AdherenceDto })
  @ApiErrors(ERR.patientNotFound)
  adherence(@CurrentUser() user: AuthUser, @Param() params: PatientCodeParamDto): Promise<AdherenceDto> {
    return this.patients.adherence(user, params.patient_code);
  }

  @Get(':patient_code/medical-info')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: "The patient's identifying medical information (PII)" })
  @ApiOkResponse({ type: MedicalInfoDto })
  @ApiErrors(ERR.patientNotFound, ERR.medicalInfoNotFound)
  getMedicalInfo(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
  ): Promise<MedicalInfoDto> {
    return this.patients.getMedicalInfo(user, params.patient_code);
  }

  @Put(':patient_code/medical-info')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: "Create or replace the patient's medical information (PII)" })
  @ApiOkResponse({ type: MedicalInfoDto })
  @ApiErrors(400, ERR.patientNotFound)
  putMedicalInfo(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @Body() body: PutMedicalInfoDto,
  ): Promise<MedicalInfoDto> {
    return this.patients.putMedicalInfo(user, params.patient_code, body);
  }

  @Put(':patient_code/treatment-targets')
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary: "Set the patient's treatment targets (MVC 75 %, contraction durations in ms, BFR % LOP)",
    description: 'An absent field is kept; null clears it (BFR targets go back to 50 %).',
  })
  @ApiOkResponse({ type: TreatmentTargetsDto })
  @ApiErrors(400, ERR.patientNotFound)
  putTreatmentTargets(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @Body() body: PutTreatmentTargetsDto,
  ): Promise<TreatmentTargetsDto> {
    return this.targets.put(user, params.patient_code, body);
  }
}
