import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../shared/http/original-validation.interceptor.js';
import { OriginalAdherenceDto, OriginalAdherenceQueryDto } from './dto/original-adherence.dto.js';
import { PatientCodeParamDto } from './dto/patient.dto.js';
import { PatientService } from './patient.service.js';

/** The original API's adherence route; GET /patients/{code}/adherence is this service's own. */
@ApiTags('scoring')
@Controller('scoring/adherence')
@OriginalValidationStatus()
export class ScoringAdherenceController {
  constructor(private readonly patients: PatientService) {}

  @Get(':patient_code')
  @Auth()
  @ApiOperation({
    summary: 'Adherence to the 14-day protocol (original path and fields)',
    description:
      "Counts the patient's own completed sessions in the protocol window unless sessions_completed is given. " +
      '404 for an unknown patient or one the caller may not see.',
  })
  @ApiOkResponse({ type: OriginalAdherenceDto })
  @ApiErrors(ERR.patientNotFound)
  adherence(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @Query() query: OriginalAdherenceQueryDto,
  ): Promise<OriginalAdherenceDto> {
    return this.patients.originalAdherence(user, params.patient_code, query.sessions_completed);
  }
}
