import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const logger = new Logger('HTTP');

/** One structured log line per request, with its id, status and duration. */
export function installRequestLogging(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const entry = {
      msg: 'request',
      requestId: request.id,
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (reply.statusCode >= 500) logger.error(entry);
    else logger.debug(entry);
  });
}
