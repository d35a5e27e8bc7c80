import { Body, Controller, Get, Param, Post, Res, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../shared/decorators/public.decorator.js';
import { ApiErrors, ApiSignedWebhook, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { SessionCodeParamDto } from '../session/dto/session-request.dto.js';
import { StorageEventDto, WebhookResponseDto, WebhookStatusDto } from './dto/storage-event.dto.js';
import { StorageWebhookService } from './storage-webhook.service.js';
import { WebhookSignatureGuard } from './webhook-signature.guard.js';
import { WebhookStatusService } from './webhook-status.service.js';

/** A storage event is a row of storage.objects: a few hundred bytes. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;

@ApiTags('webhooks')
@Controller('webhooks/storage')
export class WebhookController {
  constructor(
    private readonly webhook: StorageWebhookService,
    private readonly statuses: WebhookStatusService,
  ) {}

  @Post('c3d-upload')
  @RouteConfig({ bodyLimit: WEBHOOK_BODY_LIMIT })
  @Public()
  @UseGuards(WebhookSignatureGuard)
  @ApiSignedWebhook()
  @ApiOperation({
    summary: 'Supabase Storage insert event: queue the uploaded C3D file as a session',
    description:
      'Signed with x-supabase-signature (HMAC-SHA256 of the raw body, WEBHOOK_SECRET). 202 with the session code; ' +
      'a replay of the same file answers with the same session (duplicate: true). Not a C3D insert into ' +
      'STORAGE_BUCKET: 200 with `ignored` (not_an_object_insert, wrong_bucket, not_c3d). Object name with ' +
      '`..`, `//`, a backslash or NUL: 400 invalid_object_path. Object outside a P### folder: ' +
      '422 patient_code_missing; unknown patient: 404 patient_not_found; object missing in storage: 404 storage_object_not_found; ' +
      'empty, unreadable (reader code) or over MAX_UPLOAD_BYTES (file_too_large): 422, no session.',
  })
  @ApiAcceptedResponse({ type: WebhookResponseDto })
  @ApiOkResponse({ type: WebhookResponseDto, description: 'Ignored event' })
  @ApiErrors(400, ERR.patientNotFound, ERR.emptyFile, ERR.storedFileUnreadable)
  async upload(
    @Body() event: StorageEventDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookResponseDto> {
    const { accepted, body } = await this.webhook.handle(event);
    void reply.status(accepted ? 202 : 200);
    return body;
  }

  @Get('status/:session_code')
  @Auth()
  @ApiOperation({
    summary: 'Processing status of a session created from storage (the original webhook status route)',
  })
  @ApiOkResponse({ type: WebhookStatusDto })
  @ApiErrors(ERR.sessionNotFound)
  async status(
    @CurrentUser() user: AuthUser,
    @Param() params: SessionCodeParamDto,
  ): Promise<WebhookStatusDto> {
    return this.statuses.status(user, params.session_code);
  }
}
