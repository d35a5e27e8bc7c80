// Writes the OpenAPI document without a running server: the Nest application is built on the
// embedded defaults (PGlite under a temp DATA_DIR, in-process queue), documented exactly as
// GET /docs-json serves it, and closed. Needs `npm run build` first (it loads dist/).
// Run: npm run openapi [-- OUT.json]   (default clients/typescript/generated/openapi.json)
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'clients/typescript/generated/openapi.json');
const dataDir = mkdtempSync(join(tmpdir(), 'emg-openapi-'));
const { AppModule } = await import('../dist/src/app.module.js');
const { buildOpenApiDocument, createFastifyAdapter } = await import('../dist/src/app.setup.js');
const { AppConfig } = await import('../dist/src/shared/config/app-config.js');

const config = AppConfig.fromEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
const app = await NestFactory.create(AppModule.register({ config }), createFastifyAdapter(config), {
  logger: false,
  abortOnError: false,
});
try {
  const doc = await buildOpenApiDocument(app);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write(`${out}: ${Object.keys(doc.paths).length} paths\n`);
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
