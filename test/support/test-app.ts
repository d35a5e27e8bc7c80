import type { LoggerService, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module.js';
import { configureHttpApp, createFastifyAdapter } from '../../src/app.setup.js';
import type { Database } from '../../src/infrastructure/database/database.js';
import { AppConfig } from '../../src/shared/config/app-config.js';
import { migratedPglite } from './pglite-snapshot.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: Database;
  dataDir: string;
  get<T>(token: Type<T> | (abstract new (...args: never[]) => T)): T;
  close(): Promise<void>;
}

/**
 * The real application on the embedded defaults (PGlite in memory from a migrated snapshot,
 * files under a temp DATA_DIR, in-process queue and memory cache), driven with app.inject.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: {
    database?: Database;
    logger?: LoggerService;
    /** Providers replaced by value (e.g. an AnalysisRunner that can be paused). */
    overrides?: Array<{
      provide: Type<unknown> | (abstract new (...args: never[]) => unknown);
      useValue: unknown;
    }>;
  } = {},
): Promise<TestApp> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'emg-e2e-'));
  // The session reconciler would re-queue sessions a test leaves queued on purpose: tests that
  // exercise it set their own interval.
  const config = AppConfig.fromEnv({
    LOG_LEVEL: 'error',
    RECONCILE_INTERVAL_MS: '3600000',
    ...env,
    DATA_DIR: dataDir,
  });
  const database = options.database ?? (await migratedPglite());
  let builder = Test.createTestingModule({ imports: [AppModule.register({ config, database })] });
  for (const o of options.overrides ?? []) builder = builder.overrideProvider(o.provide).useValue(o.useValue);
  const moduleRef = await builder
    .setLogger(
      options.logger ??
        new (class {
          log() {}
          error() {}
          warn() {}
          debug() {}
          verbose() {}
          fatal() {}
        })(),
    )
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    logger: options.logger ?? false,
  });
  await configureHttpApp(app, config);
  return {
    app,
    config,
    database,
    dataDir,
    get: (token) => app.get(token as never),
    close: () => app.close(),
  };
}
