import { Global, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../../shared/config/app-config.js';
import { Database } from './database.js';
import { DbContext } from './db-context.js';
import { migrate } from './migrator.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresDatabase } from './postgres-database.js';

async function openDatabase(config: AppConfig): Promise<Database> {
  const db = config.env.DATABASE_URL
    ? new PostgresDatabase(config.env.DATABASE_URL, config.env.DB_POOL_SIZE)
    : await PgliteDatabase.open(join(config.dataDir, 'pglite'));
  if (config.migrateOnStart) {
    const ran = await migrate(db);
    if (ran.length > 0) new Logger('Migrations').log({ msg: 'applied migrations', migrations: ran });
  }
  return db;
}

class DatabaseCloser implements OnApplicationShutdown {
  constructor(private readonly db: Database) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

/**
 * PostgreSQL when DATABASE_URL is set, PGlite under DATA_DIR otherwise. Tests pass a ready
 * database (e.g. PGlite from a migrated snapshot) instead.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(existing?: Database): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        existing
          ? { provide: Database, useValue: existing }
          : { provide: Database, inject: [AppConfig], useFactory: openDatabase },
        { provide: DatabaseCloser, inject: [Database], useFactory: (db: Database) => new DatabaseCloser(db) },
        DbContext,
      ],
      exports: [Database, DbContext],
    };
  }
}
