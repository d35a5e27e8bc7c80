import { Module } from '@nestjs/common';
import { UserModule } from '../user/user.module.js';
import { ScoringConfigController } from './scoring-config.controller.js';
import { ScoringConfigurationRepository } from './scoring-config.repository.js';
import { ScoringConfigService } from './scoring-config.service.js';

@Module({
  imports: [UserModule],
  controllers: [ScoringConfigController],
  providers: [ScoringConfigurationRepository, ScoringConfigService],
  exports: [ScoringConfigService],
})
export class ScoringConfigModule {}
