import { Body, Controller, Get, Param, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, ApiJsonBody, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { ApiMultipartBody } from '../shared/http/multipart-body.js';
import { ANALYSIS_JSON_BODY_LIMIT } from '../analysis/recalc/body-limit.js';
import { PatientCodeParamDto } from './dto/patient.dto.js';
import {
  DefaultProfileDto,
  MvcBaselineDto,
  MvcBaselineHistoryDto,
  MvcBaselineRequestDto,
  PutDefaultProfileDto,
} from './dto/mvc-baseline.dto.js';
import { DefaultProfileService } from './default-profile.service.js';
import { MvcBaselineService } from './mvc-baseline.service.js';

@ApiTags('patients')
@Controller('patients')
export class MvcBaselineController {
  constructor(
    private readonly baselines: MvcBaselineService,
    private readonly profiles: DefaultProfileService,
  ) {}

  @Post(':patient_code/mvc')
  @Auth('admin', 'therapist')
  @RouteConfig({ bodyLimit: ANALYSIS_JSON_BODY_LIMIT })
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: "Calibrate the patient's MVC (stored as the baseline later sessions use)",
    description:
      'multipart/form-data with `file` (a dedicated maximal-contraction trial, C3D), or JSON with ' +
      '`session_code` (a stored session of this patient); `window_ms` 500-1000 (default 500) in both. ' +
      'Per channel and per processing profile, the MVC is the mean of the best `window_ms` window of ' +
      "that profile's envelope. Every calibration is kept (history); sessions processed later use the " +
      'latest when their request gives no MVC, and report `mvc_source: "calibration"`.',
  })
  @ApiMultipartBody(MvcBaselineRequestDto)
  @ApiCreatedResponse({ type: MvcBaselineDto })
  @ApiErrors(400, 413, ERR.patientNotFound, ERR.sessionNotFound, ERR.c3dTruncated, ERR.noEmgChannels)
  calibrate(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Body() body: MvcBaselineRequestDto,
  ): Promise<MvcBaselineDto> {
    return this.baselines.calibrate(user, params.patient_code, file, body);
  }

  @Get(':patient_code/mvc')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: "The patient's MVC baseline in use and its history (newest first)" })
  @ApiOkResponse({ type: MvcBaselineHistoryDto })
  @ApiErrors(ERR.patientNotFound)
  history(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
  ): Promise<MvcBaselineHistoryDto> {
    return this.baselines.history(user, params.patient_code);
  }

  @Get(':patient_code/default-profile')
  @Auth()
  @ApiOperation({ summary: "The processing profile the patient's sessions use when the request names none" })
  @ApiOkResponse({ type: DefaultProfileDto })
  @ApiErrors(ERR.patientNotFound)
  getDefaultProfile(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
  ): Promise<DefaultProfileDto> {
    return this.profiles.get(user, params.patient_code);
  }

  @Put(':patient_code/default-profile')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: "Set the patient's default processing profile (null: the service default)" })
  @ApiJsonBody(PutDefaultProfileDto, { default_profile: 'seniam-v1' }, 'Process this patient with seniam-v1')
  @ApiOkResponse({ type: DefaultProfileDto })
  @ApiErrors(400, ERR.patientNotFound)
  putDefaultProfile(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @Body() body: PutDefaultProfileDto,
  ): Promise<DefaultProfileDto> {
    return this.profiles.put(user, params.patient_code, body.default_profile ?? null);
  }
}
