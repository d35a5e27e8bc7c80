import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteDatabase } from '../../src/infrastructure/database/pglite-database.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../src/infrastructure/database/migrator.js';

/**
 * A fresh in-memory PGlite with every migration applied. Creating and migrating PGlite costs
 * seconds, so the first call dumps a snapshot keyed by the migrations' checksums and later
 * calls (in any Jest worker) start from it in a fraction of that.
 */
export async function migratedPglite(): Promise<PgliteDatabase> {
  const key = createHash('sha256')
    .update(
      loadMigrations(defaultMigrationsDir())
        .map((m) => `${m.name}:${m.checksum}`)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `emg-pglite-${key}.tar.gz`);
  if (existsSync(file)) {
    return PgliteDatabase.open(undefined, new Blob([readFileSync(file)]));
  }
  const db = await PgliteDatabase.open();
  await migrate(db);
  const dump = await db.dump();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return db;
}
