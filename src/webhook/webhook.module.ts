import { Module } from '@nestjs/common';
import { SessionModule } from '../session/session.module.js';
import { StorageWebhookService } from './storage-webhook.service.js';
import { WebhookController } from './webhook.controller.js';
import { WebhookSignatureGuard } from './webhook-signature.guard.js';
import { WebhookSignatureService } from './webhook-signature.service.js';
import { WebhookStatusService } from './webhook-status.service.js';

@Module({
  imports: [SessionModule],
  controllers: [WebhookController],
  providers: [WebhookSignatureService, WebhookSignatureGuard, StorageWebhookService, WebhookStatusService],
})
export class WebhookModule {}
