import { Injectable } from '@nestjs/common';
import { AppError } from '../shared/errors/app-error.js';

const WINDOW_MS = 15 * 60 * 1000;
/** Failures per (e-mail, client address) and window. */
export const MAX_PER_ACCOUNT_AND_ADDRESS = 5;
/**
 * Failures per e-mail and window whatever the address: bounds guessing from many addresses.
 * Higher than the per-address limit so that one attacker cannot lock an account out as easily.
 */
export const MAX_PER_ACCOUNT = 20;
/**
 * Failures per client address and window whatever the e-mail: bounds password spraying (one
 * common password tried against many accounts). A clinic behind one NAT address still has room
 * for its users' typing mistakes.
 */
export const MAX_PER_ADDRESS = 20;
const MAX_TRACKED = 10_000;

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Failed logins in fixed 15-minute windows, in memory: 5 per (e-mail, address), 20 per e-mail,
 * 20 per address. Past any of them the login is refused (429 with Retry-After) until that window
 * ends, even with the right password. One process only; behind several instances each counts alone.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, Window>();

  assertAllowed(email: string, ip: string, now = Date.now()): void {
    const blocked = [
      this.check(this.accountAddressKey(email, ip), MAX_PER_ACCOUNT_AND_ADDRESS, now),
      this.check(this.accountKey(email), MAX_PER_ACCOUNT, now),
      this.check(this.addressKey(ip), MAX_PER_ADDRESS, now),
    ];
    const resetAt = Math.max(...blocked.map((b) => b ?? 0));
    if (resetAt > 0) {
      throw new AppError(
        'too_many_requests',
        'too_many_login_attempts',
        'Too many failed logins; try again later',
        { retry_after_seconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) },
      );
    }
  }

  recordFailure(email: string, ip: string, now = Date.now()): void {
    this.bump(this.accountAddressKey(email, ip), now);
    this.bump(this.accountKey(email), now);
    this.bump(this.addressKey(ip), now);
  }

  /**
   * A success clears the (e-mail, address) count; the account's and the address's stay until
   * their windows end, so that one known password does not reset a spraying attacker's budget.
   */
  recordSuccess(email: string, ip: string): void {
    this.failures.delete(this.accountAddressKey(email, ip));
  }

  /** The window's end when `key` is over `max`, else null. */
  private check(key: string, max: number, now: number): number | null {
    const entry = this.failures.get(key);
    return entry && entry.resetAt > now && entry.count >= max ? entry.resetAt : null;
  }

  private bump(key: string, now: number): void {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size >= MAX_TRACKED) this.evictExpired(now);
      this.failures.set(key, { count: 1, resetAt: now + WINDOW_MS });
    } else {
      entry.count += 1;
    }
  }

  private accountAddressKey(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  private accountKey(email: string): string {
    return `${email.trim().toLowerCase()}|*`;
  }

  /** '*|' cannot start an e-mail key: e-mails are validated and never start with '*|'. */
  private addressKey(ip: string): string {
    return `*|${ip}`;
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
    if (this.failures.size >= MAX_TRACKED) this.failures.clear();
  }
}
