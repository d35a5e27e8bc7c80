import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { resolve } from 'node:path';
import { EnvironmentVariables } from './env.dto.js';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((msg) =>
      msg.startsWith(e.property) ? msg : `${e.property}: ${msg}`,
    ),
  );
}

/**
 * The validated, typed configuration. Injected everywhere configuration is needed; built
 * once from the process environment by {@link AppConfig.fromEnv}.
 */
/** Combinations that each pass alone but cannot work together. */
function crossCheck(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  if (env.APP_ROLE !== 'all') {
    // a split role only works when the processes share a queue and a database
    if (env.REDIS_URL === undefined) {
      problems.push(
        `APP_ROLE=${env.APP_ROLE} needs REDIS_URL: without Redis the queue is in-process, and jobs queued by one process are never seen by another`,
      );
    }
    if (env.DATABASE_URL === undefined) {
      problems.push(
        `APP_ROLE=${env.APP_ROLE} needs DATABASE_URL: the embedded database belongs to one process`,
      );
    }
  }
  return problems;
}

export class AppConfig {
  private constructor(readonly env: Readonly<EnvironmentVariables>) {}

  static fromEnv(source: Record<string, string | undefined>): AppConfig {
    const known = Object.keys(new EnvironmentVariables());
    const picked: Record<string, string> = {};
    for (const key of [
      ...known,
      'DATABASE_URL',
      'REDIS_URL',
      'SUPABASE_URL',
      'SUPABASE_SERVICE_ROLE_KEY',
      'SUPABASE_JWT_SECRET',
      'JWT_SECRET',
      'ADMIN_EMAIL',
      'ADMIN_PASSWORD',
      'WEBHOOK_SECRET',
    ]) {
      const value = source[key];
      if (value !== undefined) picked[key] = value;
    }
    const env = plainToInstance(EnvironmentVariables, picked);
    const errors = validateSync(env, { whitelist: true, forbidUnknownValues: true });
    const problems = [...describe(errors), ...crossCheck(env)];
    if (problems.length > 0) throw new ConfigValidationError(problems);
    return new AppConfig(Object.freeze(env));
  }

  get dataDir(): string {
    return resolve(this.env.DATA_DIR);
  }
  get embeddedDatabase(): boolean {
    return this.env.DATABASE_URL === undefined;
  }
  get usesRedis(): boolean {
    return this.env.REDIS_URL !== undefined;
  }
  get runsApi(): boolean {
    return this.env.APP_ROLE !== 'worker';
  }
  get runsWorkers(): boolean {
    return this.env.APP_ROLE !== 'api';
  }
  get allowedOrigins(): string[] {
    return this.env.ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
  get supabaseConfigured(): boolean {
    return this.env.SUPABASE_URL !== undefined;
  }
  /** Migrations run on start in embedded mode, and in server mode only when asked to. */
  get migrateOnStart(): boolean {
    return this.embeddedDatabase || this.env.DB_MIGRATE_ON_START;
  }
}
