import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { WebhookSignatureService } from './webhook-signature.service.js';

/** Checks the signature before the body is validated, so unsigned junk gets a 401, not a 400. */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  constructor(private readonly signatures: WebhookSignatureService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest & { rawBody?: Buffer }>();
    this.signatures.verify(req.rawBody, req.headers['x-supabase-signature']);
    return true;
  }
}
