import 'reflect-metadata';
import { join } from 'node:path';
import type { Database } from '../infrastructure/database/database.js';
import { migrate } from '../infrastructure/database/migrator.js';
import { PgliteDatabase } from '../infrastructure/database/pglite-database.js';
import { PostgresDatabase } from '../infrastructure/database/postgres-database.js';
import { AppConfig, ConfigValidationError } from '../shared/config/app-config.js';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv(process.env);
  const db: Database = config.env.DATABASE_URL
    ? new PostgresDatabase(config.env.DATABASE_URL, 1)
    : await PgliteDatabase.open(join(config.dataDir, 'pglite'));
  try {
    const ran = await migrate(db);
    process.stdout.write(
      ran.length ? `Applied: ${ran.join(', ')}\n` : 'Nothing to apply: the schema is current.\n',
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigValidationError ? error.message : String(error)}\n`);
  process.exit(1);
});
