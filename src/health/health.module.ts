import { Module } from '@nestjs/common';
import { ApiInfoController } from './api-info.controller.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Module({ controllers: [HealthController, ApiInfoController], providers: [HealthService] })
export class HealthModule {}
