import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no', ''].includes(v)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const APP_ROLES = ['api', 'worker', 'all'] as const;
export const STORAGE_DRIVERS = ['filesystem', 'supabase'] as const;
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const TRUNCATED_FILE_POLICIES = ['score', 'reject'] as const;

/**
 * Every environment variable the service reads, with its default. Validated once at boot;
 * nothing else in the codebase reads process.env.
 */
export class EnvironmentVariables {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 8080;
  @IsString() HOST = '127.0.0.1';
  @IsString() @MinLength(1) DATA_DIR = './data';
  @IsIn(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
  /** Comma-separated origins allowed by CORS; empty = no cross-origin access. */
  @IsString() ALLOWED_ORIGINS = '';
  /** Take the client address from X-Forwarded-For: only behind a proxy that sets it. */
  @Transform(toBool) @IsBoolean() TRUST_PROXY = false;
  @IsIn(APP_ROLES) APP_ROLE: (typeof APP_ROLES)[number] = 'all';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;
  @Transform(toBool) @IsBoolean() DB_MIGRATE_ON_START = false;
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;
  @Transform(toInt) @IsInt() @Min(1) @Max(86400 * 7) CACHE_TTL_SECONDS = 3600;

  @IsIn(STORAGE_DRIVERS) STORAGE_DRIVER: (typeof STORAGE_DRIVERS)[number] = 'filesystem';
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{1,62}$/) STORAGE_BUCKET = 'c3d-examples';
  @Transform(emptyToUndefined)
  @ValidateIf((o: EnvironmentVariables) => o.STORAGE_DRIVER === 'supabase' || o.SUPABASE_URL !== undefined)
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'SUPABASE_URL must be an http(s) URL' })
  SUPABASE_URL?: string;
  @Transform(emptyToUndefined)
  @ValidateIf((o: EnvironmentVariables) => o.STORAGE_DRIVER === 'supabase')
  @IsString({ message: 'SUPABASE_SERVICE_ROLE_KEY is required when STORAGE_DRIVER=supabase' })
  @MinLength(20)
  SUPABASE_SERVICE_ROLE_KEY?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32) SUPABASE_JWT_SECRET?: string;

  /** Secret that signs self-hosted access tokens; embedded mode generates and keeps one under DATA_DIR. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @Transform(toInt) @IsInt() @Min(60) @Max(86400) JWT_EXPIRES_IN_SECONDS = 3600;
  @Transform(emptyToUndefined) @IsOptional() @IsString() ADMIN_EMAIL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(8) ADMIN_PASSWORD?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(16) WEBHOOK_SECRET?: string;
  @Transform(toBool) @IsBoolean() WEBHOOK_ALLOW_UNSIGNED = false;

  /**
   * Lets the original web client call the stateless analysis routes (/upload, /analysis/recalc,
   * /mvc/calibrate, /config/defaults) and POST /logs/frontend without a token. Off by default.
   */
  @Transform(toBool) @IsBoolean() ANONYMOUS_ANALYSIS = false;
  /** Anonymous requests per client address and minute on those routes (429 above). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000) ANONYMOUS_RATE_LIMIT_PER_MINUTE = 60;

  @Transform(toInt) @IsInt() @Min(1024) @Max(1024 * 1024 * 1024) MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
  /**
   * A recording cut off before its end (the reader's `truncated`/`unfinalised` warnings): `score`
   * analyses its complete frames and marks the session quality "truncated" with a warning;
   * `reject` refuses the file (422 truncated_file at upload, failed session otherwise).
   */
  @IsIn(TRUNCATED_FILE_POLICIES) TRUNCATED_FILES: (typeof TRUNCATED_FILE_POLICIES)[number] = 'score';
  /** Time allowed to receive a whole request, body included (slow senders get 408). */
  @Transform(toInt) @IsInt() @Min(1000) @Max(3_600_000) REQUEST_TIMEOUT_MS = 300_000;
  @Transform(toInt) @IsInt() @Min(1) @Max(64) QUEUE_CONCURRENCY = 2;
  @Transform(toInt) @IsInt() @Min(1) @Max(20) JOB_ATTEMPTS = 4;
  @Transform(toInt) @IsInt() @Min(10) @Max(600_000) JOB_BACKOFF_MS = 1000;
  /** How long a Bull job lock lives before another worker may take a stalled job over. */
  @Transform(toInt) @IsInt() @Min(1000) @Max(600_000) JOB_LOCK_MS = 30_000;
  /**
   * How often a worker looks for sessions left queued or processing whose job the queue lost
   * (a Redis restart without persistence, a flush) and enqueues them again; also once at start.
   */
  @Transform(toInt) @IsInt() @Min(200) @Max(3_600_000) RECONCILE_INTERVAL_MS = 30_000;
  @Transform(toInt) @IsInt() @Min(0) @Max(32) ANALYSIS_THREADS = 1;
  /**
   * Chromium for PDF reports (through playwright-core). Empty: /usr/bin/chromium (or another
   * usual system path) when present; without Chromium, PDF requests answer 501 pdf_unavailable.
   */
  @IsString() CHROMIUM_PATH = '';
  @Transform(toInt) @IsInt() @Min(0) @Max(600_000) SHUTDOWN_TIMEOUT_MS = 20_000;
}
