import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AnonymousWhenEnabled } from '../shared/decorators/anonymous.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ACCEPTS_CONTROL_CHARACTERS } from '../shared/http/json-body.js';
import { ERR } from '../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../shared/http/original-validation.interceptor.js';
import {
  FrontendLogsDto,
  FrontendLogsReceivedDto,
  FrontendLogTailDto,
  FrontendLogTailQueryDto,
} from './dto/frontend-logs.dto.js';
import { FrontendLogsService } from './frontend-logs.service.js';
import { type RequestSource, Source } from './request-source.decorator.js';

@ApiTags('logs')
@OriginalValidationStatus()
@Controller('logs/frontend')
export class LogsController {
  constructor(private readonly logs: FrontendLogsService) {}

  @Post()
  @HttpCode(200)
  // log lines carry terminal colours and the like; the log sanitiser strips them (NUL stays refused)
  @RouteConfig({ [ACCEPTS_CONTROL_CHARACTERS]: true })
  @AnonymousWhenEnabled()
  @ApiOperation({ summary: "Store a batch of the web client's log entries" })
  @ApiOkResponse({ type: FrontendLogsReceivedDto })
  @ApiErrors(413, ERR.validation422, ERR.rateLimited)
  receive(@Source() source: RequestSource, @Body() body: FrontendLogsDto): Promise<FrontendLogsReceivedDto> {
    return this.logs.receive(source, body.logs);
  }

  @Get('tail')
  @Auth('admin')
  @ApiOperation({ summary: 'The last stored log lines, oldest first' })
  @ApiOkResponse({ type: FrontendLogTailDto })
  @ApiErrors(ERR.validation422)
  tail(@CurrentUser() admin: AuthUser, @Query() query: FrontendLogTailQueryDto): Promise<FrontendLogTailDto> {
    return this.logs.tail(admin, query.lines);
  }
}
