// Generates src/infrastructure/database/database.types.ts from migrations/: applies them with the
// service's own migrator to an in-memory PGlite (no server needed) and introspects the result
// with kysely-codegen. Run: npm run db:types (builds first; CI checks the committed file is
// current). What the catalog cannot say is stated here, once:
// - OVERRIDES: the payload type of each typed jsonb column, and columns the database fills
//   (generated columns, identities, triggers) or freezes (triggers) that look writable;
// - a text column with a single-column CHECK (col IN (...)) is typed as the union of its values,
//   exported under a name when listed in NAMED_UNIONS.
import { generate, PostgresDialect } from 'kysely-codegen';
import { sql } from 'kysely';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrate } from '../dist/src/infrastructure/database/migrator.js';
import { PgliteDatabase } from '../dist/src/infrastructure/database/pglite-database.js';

const OUT_FILE = resolve('src/infrastructure/database/database.types.ts');

/** Hand-written types the generated file imports, and re-exports to its users. */
const COLUMN_TYPES = [
  'Json',
  'Int8',
  'ReadOnly',
  'Immutable',
  'ClinicalNoteType',
  'SubjectiveData',
  'ChannelMuscles',
  'RpeMapping',
];
const CUSTOM_IMPORTS = {
  ...Object.fromEntries(COLUMN_TYPES.map((name) => [name, './column.types.js'])),
  AnalysisParams: '@app/analysis',
  ExportCounts: '../../exports/export-row.types.js',
  ProfileMvcValues: '../../patient/mvc-baseline.types.js',
  ProfileMvcWindows: '../../patient/mvc-baseline.types.js',
};

const TYPE_MAPPING = {
  jsonb: 'Json',
  int8: 'Int8',
  // date: a Date or its ISO string, read and written.
  date: 'ColumnType<Date | string, Date | string, Date | string>',
};

const OVERRIDES = {
  'schema_migrations.applied_at': 'ReadOnly<Date>',
  'user_profiles.full_name': 'ReadOnly<string>',
  'user_profiles.user_code': 'Generated<string>',
  'patients.patient_code': 'Generated<string>',
  'patient_medical_info.bmi_value': 'ReadOnly<number | string | null>',
  'patient_medical_info.bmi_status': 'ReadOnly<string | null>',
  'patient_mvc_baselines.mvc_values': 'Json<ProfileMvcValues>',
  'patient_mvc_baselines.windows': 'Json<ProfileMvcWindows>',
  'patient_mvc_baselines.created_by': 'Immutable<string>',
  'patient_mvc_baselines.created_at': 'ReadOnly<Date>',
  'scoring_configuration.rpe_mapping': 'Json<RpeMapping> | null',
  'therapy_sessions.therapist_id': 'Generated<string | null>',
  'therapy_sessions.scoring_config_id': 'Generated<string | null>',
  'therapy_sessions.processing_error_message': 'ReadOnly<string | null>',
  'therapy_sessions.analysis_params': 'Json<AnalysisParams> | null',
  'therapy_sessions.requested_analysis_params': 'Json<AnalysisParams>',
  'therapy_sessions.subjective': 'Json<SubjectiveData>',
  'therapy_sessions.channel_muscle_mapping': 'Json<ChannelMuscles> | null',
  'patients.channel_muscle_mapping': 'Json<ChannelMuscles> | null',
  'contractions.id': 'ReadOnly<number | string>',
  'frontend_logs.id': 'ReadOnly<number | string>',
  'clinical_notes.author_id': 'Immutable<string>',
  'clinical_notes.patient_id': 'Immutable<string>',
  'clinical_notes.session_id': 'Immutable<string | null>',
  'clinical_notes.file_path': 'Immutable<string | null>',
  'clinical_notes.note_type': 'ColumnType<ClinicalNoteType, ClinicalNoteType, never>',
  'export_history.counts': 'Json<ExportCounts>',
  // Checked against the profile names, but callers pass a name validated as a string.
  'patients.default_profile': 'string | null',
  'therapy_sessions.processing_profile': 'string | null',
};

/** Checked text columns whose union the code names; columns sharing a name share the values. */
const NAMED_UNIONS = {
  'user_profiles.role': 'user_role',
  'export_history.exported_by_role': 'user_role',
  'therapy_sessions.processing_status': 'processing_status',
  'export_history.scope': 'export_scope',
  'export_history.status': 'export_status',
};

// CHECK ((col = ANY (ARRAY['a'::text, ...]))), optionally behind "(col IS NULL) OR", or
// CHECK ((col = 'a'::text)), as pg_get_constraintdef prints them.
const CHECK_IN = /^CHECK \(+(?:\w+ IS NULL\) OR \()?(\w+) = (?:ANY \(ARRAY\[([^\]]*)\]\)|'[^']*'::text)\)+$/;

async function checkedValues(db) {
  const { rows } = await sql`
    select c.relname as table, a.attname as column, pg_get_constraintdef(k.oid) as def
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
     where k.contype = 'c' and cardinality(k.conkey) = 1
       and c.relnamespace = 'public'::regnamespace`.execute(db);
  const values = new Map();
  for (const row of rows) {
    const match = CHECK_IN.exec(row.def);
    if (!match || match[1] !== row.column) continue;
    const list = [...row.def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]);
    values.set(`${row.table}.${row.column}`, list);
  }
  return values;
}

function typeCheckedColumns(metadata, values) {
  for (const table of metadata.tables) {
    if (table.schema !== 'public') continue;
    for (const column of table.columns) {
      const key = `${table.name}.${column.name}`;
      const list = values.get(key);
      if (!list || column.dataType !== 'text') continue;
      const name = NAMED_UNIONS[key];
      if (!name) {
        column.enumValues = list;
        continue;
      }
      const id = `public.${name}`;
      const known = metadata.enums.get(id);
      if (known && [...known].sort().join() !== [...list].sort().join()) {
        throw new Error(`${key} allows other values than the other ${name} columns`);
      }
      if (!known) metadata.enums.set(id, list);
      column.dataType = name;
      column.dataTypeSchema = 'public';
    }
  }
  for (const key of Object.keys(NAMED_UNIONS)) {
    if (!values.has(key)) throw new Error(`NAMED_UNIONS names ${key}, which has no CHECK (... IN ...)`);
  }
  return metadata;
}

const HEADER = `/**
 * Generated by scripts/generate-db-types.mjs from migrations/ (npm run db:types): do not edit.
 * One interface per table, keyed by table name in {@link DB}.
 */
`;

const database = await PgliteDatabase.open();
try {
  await migrate(database);
  const dialect = new PostgresDialect({ defaultSchemas: ['public'], numericParser: 'number-or-string' });
  // The hand-written types replace the generator's built-ins of the same name (Json, Int8).
  for (const name of COLUMN_TYPES) delete dialect.adapter.definitions[name];
  const values = await checkedValues(database.kysely);
  const body = await generate({
    db: database.kysely,
    dialect,
    outFile: null,
    defaultSchemas: ['public'],
    customImports: CUSTOM_IMPORTS,
    typeMapping: TYPE_MAPPING,
    overrides: { columns: OVERRIDES },
    // Appends "_table" to each table's name (TherapySessions): TherapySessionsTable, the names
    // the code has always used. A rule for the end of the name keeps pluralize from recasing it.
    singularize: { '/$/': '_table' },
    skipAutogeneratedFileComment: true,
    postprocess: async ({ metadata }) => typeCheckedColumns(metadata, values),
  });
  const reexports = `\nexport type { ${COLUMN_TYPES.join(', ')} } from './column.types.js';\n`;
  writeFileSync(OUT_FILE, HEADER + body + reexports);
} finally {
  await database.close();
}
