import { Injectable } from '@nestjs/common';
import { AppConfig } from '../shared/config/app-config.js';
import { AppError } from '../shared/errors/app-error.js';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

/**
 * Anonymous requests per client address in fixed one-minute windows, in memory (one process).
 * Past ANONYMOUS_RATE_LIMIT_PER_MINUTE the request is refused with 429 and Retry-After.
 */
@Injectable()
export class AnonymousRateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly limit: number;

  constructor(config: AppConfig) {
    this.limit = config.env.ANONYMOUS_RATE_LIMIT_PER_MINUTE;
  }

  take(ip: string, now = Date.now()): void {
    let entry = this.windows.get(ip);
    if (!entry || entry.resetAt <= now) {
      if (this.windows.size >= MAX_TRACKED) this.evictExpired(now);
      entry = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(ip, entry);
    }
    entry.count += 1;
    if (entry.count > this.limit) {
      throw new AppError(
        'too_many_requests',
        'rate_limited',
        `More than ${this.limit} anonymous requests a minute from this address; log in or retry later`,
        { retry_after_seconds: Math.ceil((entry.resetAt - now) / 1000) },
      );
    }
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
    if (this.windows.size >= MAX_TRACKED) this.windows.clear();
  }
}
