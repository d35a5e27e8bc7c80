/**
 * What the export e2e specs share: an app with small export parts and pages (so a two-session
 * export spans several of each), a therapist's patient with two completed GHOSTLY sessions,
 * identifying data planted where it must never leak (medical info, the game's player name), and
 * request helpers.
 */
import { expect } from '@jest/globals';
import { ExportTuning } from '../../src/exports/export-tuning.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

export const FIRST_NAME = 'Zebediah';
export const LAST_NAME = 'Quixotewell';
export const PLAYER = 'Philomena Gruntbuckle';
const FILES = ['Ghostly_Emg_20230321_17-23-09-0409.c3d', 'Ghostly_Emg_20250310_11-50-16-0578.c3d'];

export interface ExportJob {
  id: string;
  status: string;
  progress: number;
  download_url: string | null;
  sessions_total: number;
  sessions_exported: number;
  counts: Record<string, number>;
  error_code: string | null;
  pseudonymised: boolean;
}

export class ExportsFixture {
  t!: TestApp;
  alice!: TestUser;
  bob!: TestUser;
  researcher!: TestUser;
  admin!: TestUser;
  patientCode!: string;
  patientId!: string;
  readonly sessionCodes: string[] = [];

  constructor(private readonly secret: string) {}

  auth = async (u: TestUser) => bearer(await signHs256(this.secret, supabaseClaims(u)));
  get = async (u: TestUser, url: string) =>
    this.t.app.inject({ method: 'GET', url, headers: await this.auth(u) });
  post = async (u: TestUser, payload: Record<string, unknown>) =>
    this.t.app.inject({ method: 'POST', url: '/exports', headers: await this.auth(u), payload });
  db = () => this.t.database.kysely;

  waitExport = async (u: TestUser, id: string): Promise<ExportJob> => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      const job = (await this.get(u, `/exports/${id}`)).json<ExportJob>();
      if (job.status === 'completed' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`export ${id} did not finish`);
  };

  /** A session's stored statistics, contractions and scores. */
  stored = async (code: string) => {
    const db = this.db();
    const s = await db
      .selectFrom('therapy_sessions')
      .select('id')
      .where('session_code', '=', code)
      .executeTakeFirstOrThrow();
    const stats = await db
      .selectFrom('emg_statistics')
      .selectAll()
      .where('session_id', '=', s.id)
      .orderBy('channel_name')
      .execute();
    const contractions = await db
      .selectFrom('contractions')
      .selectAll()
      .where('session_id', '=', s.id)
      .orderBy('channel_name')
      .orderBy('idx')
      .execute();
    const scores = await db
      .selectFrom('performance_scores')
      .selectAll()
      .where('session_id', '=', s.id)
      .executeTakeFirstOrThrow();
    return { stats, contractions, scores };
  };

  async setup(): Promise<void> {
    this.t = await createTestApp(
      { JWT_SECRET: this.secret },
      { overrides: [{ provide: ExportTuning, useValue: { partBytes: 16 * 1024, pageSize: 1 } }] },
    );
    this.alice = await createUser(this.t.database, 'therapist');
    this.bob = await createUser(this.t.database, 'therapist');
    this.researcher = await createUser(this.t.database, 'researcher');
    this.admin = await createUser(this.t.database, 'admin');
    const p = await this.t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: await this.auth(this.alice),
      payload: {},
    });
    this.patientCode = p.json<{ patient_code: string }>().patient_code;
    const db = this.db();
    this.patientId = (
      await db
        .selectFrom('patients')
        .select('id')
        .where('patient_code', '=', this.patientCode)
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('patient_medical_info')
      .values({
        patient_id: this.patientId,
        first_name: FIRST_NAME,
        last_name: LAST_NAME,
        date_of_birth: '1950-01-02',
        gender: 'F',
        created_by: this.alice.id,
      } as never)
      .execute();
    for (const file of FILES) {
      const body = multipart({ name: file, content: ghostly(file) }, { patient_code: this.patientCode });
      const res = await this.t.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { ...(await this.auth(this.alice)), ...body.headers },
        payload: body.payload,
      });
      const code = res.json<{ session_code: string }>().session_code;
      expect((await waitForSession(this.t, await this.auth(this.alice), code)).status).toBe('completed');
      this.sessionCodes.push(code);
    }
    // The game writes the player's name into the file; a clinic may type a real one.
    await db
      .updateTable('therapy_sessions')
      .set({
        game_metadata: JSON.stringify({ game_name: 'Ghostly', player_name: PLAYER, therapist_id: 'T-Mary' }),
      })
      .where('session_code', '=', this.sessionCodes[1]!)
      .execute();
  }

  close(): Promise<void> {
    return this.t.close();
  }
}
