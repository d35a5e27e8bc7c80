import { BullModule, getQueueToken } from '@nestjs/bull';
import { Global, Module, type BeforeApplicationShutdown, type DynamicModule } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../shared/config/app-config.js';
import { BullJobQueue } from './bull-queue.js';
import { InProcessQueue } from './in-process-queue.js';
import { JobQueue } from './job-queue.js';
import { SESSION_QUEUE } from './queue.constants.js';

/** Drains the queue before the database closes (that happens in onApplicationShutdown). */
class QueueCloser implements BeforeApplicationShutdown {
  constructor(private readonly queue: JobQueue) {}
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

/**
 * Longest pause between reconnection attempts to Redis. Bull's default grows to 20 s (e^n ms), so
 * a queue came back up to 20 s after Redis did; jobs wait no longer than this.
 */
const REDIS_RECONNECT_MAX_MS = 1000;

const closer = { provide: QueueCloser, inject: [JobQueue], useFactory: (q: JobQueue) => new QueueCloser(q) };

/** Bull (with @nestjs/bull managing the Redis connection) when REDIS_URL is set; in-process otherwise. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const defaults = { attempts: config.env.JOB_ATTEMPTS, backoffMs: config.env.JOB_BACKOFF_MS };
    if (!config.env.REDIS_URL) {
      return {
        module: QueueModule,
        providers: [{ provide: JobQueue, useValue: new InProcessQueue(defaults) }, closer],
        exports: [JobQueue],
      };
    }
    const lock = config.env.JOB_LOCK_MS;
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          url: config.env.REDIS_URL,
          redis: { retryStrategy: (times: number) => Math.min(50 * 2 ** times, REDIS_RECONNECT_MAX_MS) },
          settings: {
            lockDuration: lock,
            lockRenewTime: lock / 2,
            stalledInterval: lock,
            maxStalledCount: 2,
          },
        }),
        BullModule.registerQueue({ name: SESSION_QUEUE }),
      ],
      providers: [
        {
          provide: JobQueue,
          inject: [getQueueToken(SESSION_QUEUE)],
          useFactory: (queue: Queue) => new BullJobQueue(queue, defaults),
        },
        closer,
      ],
      exports: [JobQueue],
    };
  }
}
