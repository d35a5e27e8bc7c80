import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../shared/config/app-config.js';
import { UnauthorizedError } from '../shared/errors/app-error.js';

/**
 * x-supabase-signature = lowercase hex HMAC-SHA256 of the raw body with WEBHOOK_SECRET,
 * optionally prefixed "sha256=", compared in constant time. Without a secret every request is
 * refused unless WEBHOOK_ALLOW_UNSIGNED=true was set explicitly (development only).
 */
@Injectable()
export class WebhookSignatureService {
  constructor(private readonly config: AppConfig) {}

  static sign(secret: string, body: Buffer | string): string {
    return createHmac('sha256', secret).update(body).digest('hex');
  }

  verify(rawBody: Buffer | undefined, header: string | string[] | undefined): void {
    const secret = this.config.env.WEBHOOK_SECRET;
    const given = Array.isArray(header) ? header[0] : header;
    if (!secret) {
      if (this.config.env.WEBHOOK_ALLOW_UNSIGNED) return;
      throw new UnauthorizedError(
        'webhook_not_configured',
        'WEBHOOK_SECRET is not set; unsigned webhooks are refused',
      );
    }
    if (!given) throw new UnauthorizedError('signature_missing', 'Missing x-supabase-signature header');
    if (!rawBody) throw new UnauthorizedError('signature_invalid', 'Invalid signature');
    const hex = given
      .trim()
      .toLowerCase()
      .replace(/^sha256=/, '');
    const expected = Buffer.from(WebhookSignatureService.sign(secret, rawBody), 'hex');
    const actual = /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : Buffer.alloc(0);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new UnauthorizedError('signature_invalid', 'Invalid signature');
    }
  }
}
