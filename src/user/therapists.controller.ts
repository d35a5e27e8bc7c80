import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { TherapistDto, TherapistPatientCodeParamDto } from './dto/therapist.dto.js';
import { UserIdParamDto } from './dto/user.dto.js';
import { UserService } from './user.service.js';

@ApiTags('therapists')
@Auth()
@Controller('therapists')
export class TherapistsController {
  constructor(private readonly users: UserService) {}

  @Get('resolve/:patient_code')
  @ApiOperation({ summary: 'The therapist of a patient the caller can see' })
  @ApiOkResponse({ type: TherapistDto })
  @ApiErrors(404)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param() params: TherapistPatientCodeParamDto,
  ): Promise<TherapistDto> {
    return this.users.resolveTherapist(user, params.patient_code);
  }

  @Get('by-id/:id')
  @ApiOperation({ summary: 'A therapist profile the caller can see' })
  @ApiOkResponse({ type: TherapistDto })
  @ApiErrors(404)
  byId(@CurrentUser() user: AuthUser, @Param() params: UserIdParamDto): Promise<TherapistDto> {
    return this.users.therapistById(user, params.id);
  }
}
