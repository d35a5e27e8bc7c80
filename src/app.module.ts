import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { AnalysisModule } from './analysis/analysis.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClinicalNotesModule } from './clinical-notes/clinical-notes.module.js';
import { CacheAdminModule } from './cache-admin/cache-admin.module.js';
import { PatientModule } from './patient/patient.module.js';
import { ScoringConfigModule } from './scoring-config/scoring-config.module.js';
import { SessionModule } from './session/session.module.js';
import { WebhookModule } from './webhook/webhook.module.js';
import { UserModule } from './user/user.module.js';
import { HealthModule } from './health/health.module.js';
import { LogsModule } from './logs/logs.module.js';
import { CacheModule } from './infrastructure/cache/cache.module.js';
import type { Database } from './infrastructure/database/database.js';
import { DatabaseModule } from './infrastructure/database/database.module.js';
import { QueueModule } from './infrastructure/queue/queue.module.js';
import { StorageModule } from './infrastructure/storage/storage.module.js';
import { AppConfig } from './shared/config/app-config.js';
import { ConfigModule } from './shared/config/config.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { SignalsModule } from './signals/signals.module.js';
import { ReportsModule } from './reports/reports.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** A ready database (tests); otherwise opened from the configuration. */
  database?: Database;
}

/** Feature modules; the API role mounts their controllers, the worker role their processors. */
export const FEATURE_MODULES: NonNullable<ModuleMetadata['imports']> = [
  HealthModule,
  AuthModule,
  UserModule,
  PatientModule,
  ScoringConfigModule,
  AnalysisModule,
  SessionModule,
  WebhookModule,
  ClinicalNotesModule,
  LogsModule,
  CacheAdminModule,
  SignalsModule,
  ReportsModule,
  ExportsModule,
];

@Module({})
export class AppModule {
  static register({ config, database }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database),
        StorageModule.forRoot(),
        QueueModule.forRoot(config),
        CacheModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
