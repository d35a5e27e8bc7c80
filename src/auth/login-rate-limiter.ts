import { Injectable } from '@nestjs/common';
import { AppError } from '../shared/errors/app-error.js';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_TRACKED = 10_000;

/**
 * Failed logins per (e-mail, IP) in a fixed window, in memory: after 5 failures the pair is
 * refused until the window ends. One process only; behind several instances each counts alone,
 * which still bounds guessing to 5 per window per instance.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  assertAllowed(email: string, ip: string, now = Date.now()): void {
    const entry = this.failures.get(this.key(email, ip));
    if (entry && entry.resetAt > now && entry.count >= MAX_FAILURES) {
      const retryAfter = Math.ceil((entry.resetAt - now) / 1000);
      throw new AppError('too_many_requests', 'too_many_login_attempts', 'Too many failed logins; try again later', {
        retry_after_seconds: retryAfter,
      });
    }
  }

  recordFailure(email: string, ip: string, now = Date.now()): void {
    const key = this.key(email, ip);
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size >= MAX_TRACKED) this.evictExpired(now);
      this.failures.set(key, { count: 1, resetAt: now + WINDOW_MS });
    } else {
      entry.count += 1;
    }
  }

  recordSuccess(email: string, ip: string): void {
    this.failures.delete(this.key(email, ip));
  }

  private key(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
    if (this.failures.size >= MAX_TRACKED) this.failures.clear();
  }
}
