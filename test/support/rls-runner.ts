import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type RawBuilder } from 'kysely';
import { parse } from 'yaml';
import type { Database } from '../../src/infrastructure/database/database.js';
import { ACTORS, type Actor, fill, placeholders, type RlsFixture } from './rls-fixture.js';
import { type TableCase, tableStatement } from './rls-queries.js';

/**
 * Replays test/rls/rls-matrix.yaml against a migrated database seeded by seedRlsFixture: each
 * case runs as one actor in its own rolled-back transaction, exactly as PostgREST or a request of
 * the service would (SET LOCAL ROLE authenticated or anon, the JWT claims in request.jwt.claims),
 * and reports whether the statement was allowed.
 *
 * Two kinds of case: table cases (table x operation x actor x row, the statement built by
 * rls-queries.ts) and scenarios (SQL with {placeholders}, optional setup run with the service's
 * rights first, and an optional `then` check run with those rights afterwards in the same
 * transaction, for writes that must succeed but not as asked, such as a forged audit timestamp).
 */
export type Outcome = 'allowed' | 'denied';

/** Refusals a case may end with: privileges and RLS, cross-reference checks, a referenced row, "not found". */
const DENIED_CODES = new Set(['42501', '23514', '23503', 'P0002']);

interface YamlTableCase extends TableCase {
  expect: Outcome;
  finding?: number;
}

interface YamlScenario {
  name: string;
  finding?: number;
  /** The public function the scenario calls (the coverage check requires one per function). */
  function?: string;
  setup?: string | string[];
  /** One actor with `expect`, or `allowed`: every actor runs it, these are allowed, the rest denied. */
  as?: Actor;
  expect?: Outcome;
  allowed?: Actor[];
  sql: string;
  then?: string;
  /** Allowed means "ran without error" (statements that return nothing, such as TRUNCATE). */
  no_error?: boolean;
  /** The SQLSTATE a refusal must have (a different one is reported as a deviation). */
  code?: string;
}

export interface RlsMatrixFile {
  cases: YamlTableCase[];
  scenarios: YamlScenario[];
  grants: { authenticated_tables: Record<string, string[]>; authenticated_functions: string[] };
}

export interface MatrixCase {
  name: string;
  actor: Actor;
  expect: Outcome;
  finding?: number;
  table?: TableCase;
  scenario?: YamlScenario;
}

export function loadRlsMatrixFile(): RlsMatrixFile {
  const file = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'rls', 'rls-matrix.yaml');
  return parse(readFileSync(file, 'utf8')) as RlsMatrixFile;
}

function tableCaseName(c: TableCase): string {
  const note = c.note ? ` (${c.note} note)` : '';
  const variant = c.variant ? ` [${c.variant}]` : '';
  return `${c.role} ${c.op} ${c.row} ${c.table}${note}${variant}`;
}

/** Every case of the file, scenarios with `allowed` expanded to one case per actor. */
export function loadRlsMatrix(file = loadRlsMatrixFile()): MatrixCase[] {
  const cases: MatrixCase[] = file.cases.map((c) => ({
    name: tableCaseName(c),
    actor: c.role,
    expect: c.expect,
    finding: c.finding,
    table: c,
  }));
  for (const s of file.scenarios) {
    const tag = s.finding ? ` (finding ${s.finding})` : '';
    if (s.allowed) {
      for (const actor of ACTORS)
        cases.push({
          name: `${actor}: ${s.name}${tag}`,
          actor,
          expect: s.allowed.includes(actor) ? 'allowed' : 'denied',
          finding: s.finding,
          scenario: s,
        });
    } else {
      if (!s.as || !s.expect) throw new Error(`rls-matrix: scenario "${s.name}" needs as+expect or allowed`);
      cases.push({
        name: `${s.as}: ${s.name}${tag}`,
        actor: s.as,
        expect: s.expect,
        finding: s.finding,
        scenario: s,
      });
    }
  }
  return cases;
}

class Rollback extends Error {}

async function runAs(
  db: Database,
  fx: RlsFixture,
  actor: Actor,
  setup: string[],
  statement: RawBuilder<unknown>,
  options: { then?: string; noError?: boolean; code?: string } = {},
): Promise<string> {
  const claims =
    actor === 'anon'
      ? { role: 'anon' }
      : { sub: fx.users[actor], role: 'authenticated', email: `${actor}@test.local` };
  let outcome = 'denied';
  try {
    await db.kysely.transaction().execute(async (trx) => {
      for (const step of setup) await sql.raw(step).execute(trx);
      await sql`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
                       set_config('role', ${actor === 'anon' ? 'anon' : 'authenticated'}, true)`.execute(trx);
      const result = await statement.execute(trx);
      const touched = Math.max(result.rows.length, Number(result.numAffectedRows ?? 0));
      if (touched === 0 && !options.noError) {
        if (options.code) outcome = 'denied without an error';
        throw new Rollback();
      }
      outcome = 'allowed';
      if (options.then) {
        await sql`select set_config('role', 'none', true)`.execute(trx);
        const { rows } = await sql.raw<{ ok: boolean | null }>(options.then).execute(trx);
        if (rows[0]?.ok !== true) outcome = 'allowed, but the then-check failed';
      }
      throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) return outcome;
    const code = (error as { code?: string }).code;
    if (options.code && code !== options.code) return `denied with SQLSTATE ${code ?? 'none'}`;
    if (code && DENIED_CODES.has(code)) return 'denied';
    throw error;
  }
  throw new Error('unreachable');
}

/** 'allowed' / 'denied' (or why an allowed write was still wrong); any other error is a bug. */
export async function runMatrixCase(db: Database, fx: RlsFixture, c: MatrixCase): Promise<string> {
  if (c.table) return runAs(db, fx, c.actor, [], tableStatement(fx, c.table));
  const s = c.scenario!;
  const values = placeholders(fx);
  const setup = (typeof s.setup === 'string' ? [s.setup] : (s.setup ?? [])).map((step) => fill(step, values));
  return runAs(db, fx, c.actor, setup, sql.raw(fill(s.sql, values)), {
    then: s.then && fill(s.then, values),
    noError: s.no_error,
    code: s.code,
  });
}

/** The cases whose outcome differs from the expected one, with the outcome. */
export async function matrixDeviations(
  db: Database,
  fx: RlsFixture,
  cases: MatrixCase[],
): Promise<{ name: string; expected: Outcome; got: string }[]> {
  const deviations: { name: string; expected: Outcome; got: string }[] = [];
  for (const c of cases) {
    let got: string;
    try {
      got = await runMatrixCase(db, fx, c);
    } catch (error) {
      got = `error: ${(error as Error).message}`;
    }
    if (got !== c.expect) deviations.push({ name: c.name, expected: c.expect, got });
  }
  return deviations;
}
