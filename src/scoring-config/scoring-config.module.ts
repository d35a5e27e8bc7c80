import { Module } from '@nestjs/common';
import { UserModule } from '../user/user.module.js';
import { ConfigInForceService } from './config-in-force.service.js';
import { ScoringConfigOriginalController } from './scoring-config-original.controller.js';
import { ScoringConfigController } from './scoring-config.controller.js';
import { ScoringConfigurationRepository } from './scoring-config.repository.js';
import { ScoringConfigService } from './scoring-config.service.js';
import { ConfigAccess } from './use-cases/config-access.js';
import { ConfigCatalogueService } from './use-cases/config-catalogue.service.js';
import { ConfigVersioning } from './use-cases/config-versioning.js';
import { CustomConfigService } from './use-cases/custom-config.service.js';

@Module({
  imports: [UserModule],
  controllers: [ScoringConfigOriginalController, ScoringConfigController],
  providers: [
    ScoringConfigurationRepository,
    ScoringConfigService,
    ConfigAccess,
    ConfigVersioning,
    ConfigCatalogueService,
    CustomConfigService,
    ConfigInForceService,
  ],
  exports: [ScoringConfigService, ConfigInForceService],
})
export class ScoringConfigModule {}
