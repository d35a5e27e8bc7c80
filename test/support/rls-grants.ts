import { sql } from 'kysely';
import type { Database } from '../../src/infrastructure/database/database.js';

/**
 * What the API roles may do according to the catalog, compared with what the matrix expects:
 * anon nothing in schema public; authenticated exactly the listed table privileges (never
 * TRUNCATE, REFERENCES or TRIGGER), no sequence, and EXECUTE on exactly the listed functions.
 * Returns one line per difference.
 */
const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];

export async function grantDifferences(
  db: Database,
  expected: { authenticated_tables: Record<string, string[]>; authenticated_functions: string[] },
): Promise<string[]> {
  const problems: string[] = [];
  const { rows: tables } = await sql<{ name: string; role: string; privilege: string }>`
    select c.relname as name, r.role, p.privilege
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    cross join (values ('anon'), ('authenticated')) r (role)
    cross join unnest(${TABLE_PRIVILEGES}::text[]) p (privilege)
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
      and has_table_privilege(r.role, c.oid, p.privilege)
    order by 1, 2, 3`.execute(db.kysely);
  const held = new Map<string, Set<string>>();
  for (const t of tables) {
    if (t.role === 'anon') problems.push(`anon has ${t.privilege} on table ${t.name}`);
    else held.set(t.name, (held.get(t.name) ?? new Set()).add(t.privilege.toLowerCase()));
  }
  const names = new Set([...held.keys(), ...Object.keys(expected.authenticated_tables)]);
  for (const name of names) {
    const want = new Set(expected.authenticated_tables[name] ?? []);
    const have = held.get(name) ?? new Set<string>();
    for (const p of have) if (!want.has(p)) problems.push(`authenticated has ${p} on table ${name}`);
    for (const p of want) if (!have.has(p)) problems.push(`authenticated lacks ${p} on table ${name}`);
  }
  const { rows: sequences } = await sql<{ name: string; role: string; privilege: string }>`
    select c.relname as name, r.role, p.privilege
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    cross join (values ('anon'), ('authenticated')) r (role)
    cross join (values ('USAGE'), ('SELECT'), ('UPDATE')) p (privilege)
    where n.nspname = 'public' and c.relkind = 'S' and has_sequence_privilege(r.role, c.oid, p.privilege)`.execute(
    db.kysely,
  );
  for (const s of sequences) problems.push(`${s.role} has ${s.privilege} on sequence ${s.name}`);
  const { rows: functions } = await sql<{ name: string; anon: boolean; authenticated: boolean }>`
    select p.oid::regprocedure::text as name,
      has_function_privilege('anon', p.oid, 'EXECUTE') as anon,
      has_function_privilege('authenticated', p.oid, 'EXECUTE') as authenticated
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public'`.execute(db.kysely);
  const callable = new Set(expected.authenticated_functions);
  for (const f of functions) {
    const name = f.name.replace(/^public\./, '');
    if (f.anon) problems.push(`anon may execute ${name}`);
    if (f.authenticated && !callable.has(name)) problems.push(`authenticated may execute ${name}`);
    if (!f.authenticated && callable.has(name)) problems.push(`authenticated may not execute ${name}`);
  }
  return problems;
}

/** Tables and callable functions of schema public, for the matrix's coverage check. */
export async function publicObjects(db: Database): Promise<{ tables: string[]; functions: string[] }> {
  const { rows: tables } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'schema_migrations'
    order by 1`.execute(db.kysely);
  const { rows: functions } = await sql<{ name: string }>`
    select distinct p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.prorettype <> 'trigger'::regtype
    order by 1`.execute(db.kysely);
  return { tables: tables.map((t) => t.name), functions: functions.map((f) => f.name) };
}

class Rollback extends Error {}

/**
 * What a later migration's new table, function and sequence would grant by default (created and
 * rolled back here): nothing to anon or authenticated, whatever the platform's defaults were.
 */
export async function defaultPrivilegeDifferences(db: Database): Promise<string[]> {
  let problems: string[] = [];
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await sql`create table public.rls_probe_table (x int)`.execute(trx);
      await sql`create sequence public.rls_probe_sequence`.execute(trx);
      await sql`create function public.rls_probe_function() returns int language sql as 'select 1'`.execute(
        trx,
      );
      const { rows } = await sql<{ problem: string }>`
        select r.role || ' has ' || p.privilege || ' on the new table' as problem
        from (values ('anon'), ('authenticated')) r (role)
        cross join unnest(${TABLE_PRIVILEGES}::text[]) p (privilege)
        where has_table_privilege(r.role, 'public.rls_probe_table', p.privilege)
        union all
        select r.role || ' has ' || p.privilege || ' on the new sequence'
        from (values ('anon'), ('authenticated')) r (role)
        cross join (values ('USAGE'), ('SELECT'), ('UPDATE')) p (privilege)
        where has_sequence_privilege(r.role, 'public.rls_probe_sequence', p.privilege)
        union all
        select r.role || ' may execute the new function'
        from (values ('anon'), ('authenticated')) r (role)
        where has_function_privilege(r.role, 'public.rls_probe_function()', 'EXECUTE')`.execute(trx);
      problems = rows.map((r) => r.problem);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return problems;
}
