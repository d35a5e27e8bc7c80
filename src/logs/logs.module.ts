import { Module } from '@nestjs/common';
import { FrontendLogsRepository } from './frontend-logs.repository.js';
import { FrontendLogsService } from './frontend-logs.service.js';
import { LogsController } from './logs.controller.js';

/** POST /logs/frontend and GET /logs/frontend/tail: the web client's logs, in the database. */
@Module({
  controllers: [LogsController],
  providers: [FrontendLogsService, FrontendLogsRepository],
})
export class LogsModule {}
