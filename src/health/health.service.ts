import { Injectable } from '@nestjs/common';
import { AppConfig } from '../shared/config/app-config.js';
import { Database } from '../infrastructure/database/database.js';
import { JobQueue } from '../infrastructure/queue/job-queue.js';
import { ObjectStorage } from '../infrastructure/storage/object-storage.js';

export type CheckStatus = 'up' | 'down' | 'not_configured';
export interface Readiness {
  ready: boolean;
  checks: { database: CheckStatus; redis: CheckStatus; storage: CheckStatus };
  errors: Record<string, string>;
}

const CHECK_TIMEOUT_MS = 3000;

function withTimeout(work: Promise<void>, label: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${label} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly queue: JobQueue,
    private readonly storage: ObjectStorage,
  ) {}

  async readiness(): Promise<Readiness> {
    const errors: Record<string, string> = {};
    const run = async (name: string, probe: () => Promise<void>): Promise<CheckStatus> => {
      try {
        await withTimeout(probe(), name);
        return 'up';
      } catch (error) {
        errors[name] = error instanceof Error ? error.message : String(error);
        return 'down';
      }
    };
    const [database, redis, storage] = await Promise.all([
      run('database', () => this.database.ping()),
      this.config.usesRedis
        ? run('redis', () => this.queue.ping())
        : Promise.resolve<CheckStatus>('not_configured'),
      run('storage', () => this.storage.checkWritable()),
    ]);
    const checks = { database, redis, storage };
    return { ready: !Object.values(checks).includes('down'), checks, errors };
  }
}
