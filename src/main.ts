import 'reflect-metadata';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { configureHttpApp, createFastifyAdapter } from './app.setup.js';
import { AppConfig, ConfigValidationError } from './shared/config/app-config.js';

const LEVELS: Record<AppConfig['env']['LOG_LEVEL'], LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

function loadConfig(): AppConfig {
  try {
    return AppConfig.fromEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting requests, let the queue drain running
 * jobs (Bull re-queues what a killed worker leaves behind), close connections, exit 0.
 * A shutdown that takes longer than allowed exits 1.
 */
function closeOnSignals(app: { close(): Promise<void> }, timeoutMs: number, logger: ConsoleLogger): void {
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      logger.log({ msg: 'shutting down', signal });
      setTimeout(() => {
        logger.error({ msg: 'graceful shutdown timed out; exiting' });
        process.exit(1);
      }, timeoutMs).unref();
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ msg: 'shutdown failed', error: String(error) });
          process.exit(1);
        },
      );
    });
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new ConsoleLogger({ json: true, logLevels: LEVELS[config.env.LOG_LEVEL] });
  const module = AppModule.register({ config });
  if (!config.runsApi) {
    const ctx = await NestFactory.createApplicationContext(module, { logger });
    await ctx.init();
    closeOnSignals(ctx, config.env.SHUTDOWN_TIMEOUT_MS, logger);
    logger.log({
      msg: 'worker started',
      role: config.env.APP_ROLE,
      queue: config.usesRedis ? 'bull' : 'in-process',
    });
    return;
  }
  const app = await NestFactory.create<NestFastifyApplication>(module, createFastifyAdapter(config), {
    logger,
  });
  await configureHttpApp(app, config);
  closeOnSignals(app, config.env.SHUTDOWN_TIMEOUT_MS, logger);
  await app.listen({ port: config.env.PORT, host: config.env.HOST });
  logger.log({
    msg: 'listening',
    url: `http://${config.env.HOST}:${config.env.PORT}`,
    docs: `http://${config.env.HOST}:${config.env.PORT}/docs`,
    role: config.env.APP_ROLE,
    database: config.embeddedDatabase ? 'pglite' : 'postgres',
    queue: config.usesRedis ? 'bull' : 'in-process',
    storage: config.env.STORAGE_DRIVER,
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
