import type { ColumnType, Generated } from 'kysely';

/** Table types of the schema in migrations/. One interface per table, keyed by table name in {@link DB}. */
export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
}

export type { Generated };
