import { Module } from '@nestjs/common';
import { ScoringConfigController } from './scoring-config.controller.js';
import { ScoringConfigurationRepository } from './scoring-config.repository.js';
import { ScoringConfigService } from './scoring-config.service.js';

@Module({
  controllers: [ScoringConfigController],
  providers: [ScoringConfigurationRepository, ScoringConfigService],
  exports: [ScoringConfigService],
})
export class ScoringConfigModule {}
