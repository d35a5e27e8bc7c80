import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiMultipartBody } from '../shared/http/multipart-body.js';
import type { StreamedUpload } from '../shared/http/streamed-upload-storage.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import {
  CreateSessionFormDto,
  ListSessionsQueryDto,
  ReprocessSessionDto,
  SessionCodeParamDto,
  SessionMusclesDto,
  SubjectiveDto,
} from './dto/session-request.dto.js';
import {
  SessionAcceptedDto,
  SessionDetailDto,
  SessionPageDto,
  SessionStatusDto,
} from './dto/session-response.dto.js';
import { CreateSession } from './use-cases/create-session.js';
import { ReprocessSession } from './use-cases/reprocess-session.js';
import { SessionQueries } from './use-cases/session-queries.js';
import { UpdateMuscles } from './use-cases/update-muscles.js';
import { UpdateSubjective } from './use-cases/update-subjective.js';

@ApiTags('sessions')
@Controller('sessions')
export class SessionController {
  constructor(
    private readonly creating: CreateSession,
    private readonly queries: SessionQueries,
    private readonly reprocessing: ReprocessSession,
    private readonly subjectiveUpdates: UpdateSubjective,
    private readonly muscleUpdates: UpdateMuscles,
  ) {}

  @Post()
  @Auth('admin', 'therapist')
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Upload a C3D file as a new therapy session (queued for processing)',
    description:
      '202 with the new session; the same file for the same patient answers 200 with the existing session ' +
      'and duplicate: true. Unreadable files are refused (422, reader code) before anything is stored.',
  })
  @ApiMultipartBody(CreateSessionFormDto)
  @ApiAcceptedResponse({ type: SessionAcceptedDto, description: 'Created and queued' })
  @ApiOkResponse({ type: SessionAcceptedDto, description: 'Duplicate: the existing session of this file' })
  @ApiErrors(400, ERR.patientNotFound, 413, ERR.emptyFile, ERR.c3dTruncated)
  async create(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: StreamedUpload | undefined,
    @Body() form: CreateSessionFormDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionAcceptedDto> {
    const result = await this.creating.fromUpload(user, file, form);
    void reply.status(result.duplicate ? 200 : 202);
    return result;
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'List sessions (filter by patient, status, date range)' })
  @ApiOkResponse({ type: SessionPageDto })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListSessionsQueryDto): Promise<SessionPageDto> {
    return this.queries.list(user, query);
  }

  @Get(':session_code')
  @Auth()
  @ApiOperation({ summary: 'A session with its statistics, contractions, scores, profile and parameters' })
  @ApiOkResponse({ type: SessionDetailDto })
  @ApiErrors(ERR.sessionNotFound)
  get(@CurrentUser() user: AuthUser, @Param() params: SessionCodeParamDto): Promise<SessionDetailDto> {
    return this.queries.get(user, params.session_code);
  }

  @Get(':session_code/status')
  @Auth()
  @ApiOperation({ summary: 'Processing status, stage, progress and error of a session' })
  @ApiOkResponse({ type: SessionStatusDto })
  @ApiErrors(ERR.sessionNotFound)
  status(@CurrentUser() user: AuthUser, @Param() params: SessionCodeParamDto): Promise<SessionStatusDto> {
    return this.queries.status(user, params.session_code);
  }

  @Post(':session_code/reprocess')
  @HttpCode(202)
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary: 'Re-analyse a finished session, optionally with new parameters (results replaced atomically)',
  })
  @ApiAcceptedResponse({ type: SessionStatusDto })
  @ApiErrors(400, ERR.sessionNotFound, ERR.sessionBusy)
  reprocess(
    @CurrentUser() user: AuthUser,
    @Param() params: SessionCodeParamDto,
    @Body() body: ReprocessSessionDto,
  ): Promise<SessionStatusDto> {
    return this.reprocessing.reprocess(user, params.session_code, body);
  }

  @Patch(':session_code/subjective')
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary: 'Set RPE, BFR pressure and game points; a completed session is rescored without re-analysis',
  })
  @ApiOkResponse({ type: SessionDetailDto })
  @ApiErrors(400, ERR.sessionNotFound)
  subjective(
    @CurrentUser() user: AuthUser,
    @Param() params: SessionCodeParamDto,
    @Body() body: SubjectiveDto,
  ): Promise<SessionDetailDto> {
    return this.subjectiveUpdates.update(user, params.session_code, body);
  }

  @Put(':session_code/muscles')
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary: 'Set which muscle each channel recorded (labels only: nothing is analysed or scored again)',
  })
  @ApiOkResponse({ type: SessionDetailDto })
  @ApiErrors(400, ERR.sessionNotFound)
  muscles(
    @CurrentUser() user: AuthUser,
    @Param() params: SessionCodeParamDto,
    @Body() body: SessionMusclesDto,
  ): Promise<SessionDetailDto> {
    return this.muscleUpdates.update(user, params.session_code, body);
  }
}
