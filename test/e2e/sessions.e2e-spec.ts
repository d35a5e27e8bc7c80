import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readC3d } from '@app/c3d';
import { analyzeC3d } from '@app/analysis';
import { CacheService } from '../../src/infrastructure/cache/cache.service.js';
import { SessionProcessor } from '../../src/session/queue/session.processor.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'sessions-e2e-secret-with-at-least-32-chars';

// The original's results: CH1 n/MVC-ok/dur-ok/good, CH2 likewise, S_left, S_right, compliance, symmetry, overall.
const REFERENCE: [string, number[], number[], number, number, number, number, number][] = [
  [
    'Ghostly_Emg_20230321_17-23-09-0409.c3d',
    [15, 15, 0, 0],
    [11, 11, 0, 0],
    66.6,
    63.82,
    65.21,
    97.87,
    82.07,
  ],
  ['Ghostly_Emg_20230321_17-28-14-0160.c3d', [17, 17, 0, 0], [6, 6, 0, 0], 66.6, 49.95, 58.28, 85.71, 75.57],
  [
    'Ghostly_Emg_20230321_17-33-14-0785.c3d',
    [19, 19, 0, 0],
    [11, 11, 0, 0],
    66.6,
    63.82,
    65.21,
    97.87,
    82.07,
  ],
  ['Ghostly_Emg_20230321_17-50-17-0881.c3d', [18, 18, 0, 0], [8, 8, 0, 0], 66.6, 55.5, 61.05, 90.91, 78.25],
  ['Ghostly_Emg_20231004_13-18-43-0464.c3d', [12, 12, 4, 4], [4, 4, 0, 0], 77.73, 44.4, 61.07, 72.71, 73.71],
  [
    'Ghostly_Emg_20250310_11-46-23-0823.c3d',
    [34, 33, 0, 0],
    [11, 11, 0, 0],
    65.62,
    63.82,
    64.72,
    98.61,
    82.01,
  ],
  [
    'Ghostly_Emg_20250310_11-50-16-0578.c3d',
    [38, 38, 0, 0],
    [11, 11, 0, 0],
    66.6,
    63.82,
    65.21,
    97.87,
    82.07,
  ],
];

/** The session parameters that GHOSTLY-TRIAL-DEFAULT's target_defaults give a session. */
const TRIAL_DEFAULT_TARGETS = {
  session_params: {
    session_mvc_threshold_percentage: 75,
    session_duration_thresholds_per_muscle: { CH1: 2, CH2: 2 },
    session_expected_contractions_ch1: 12,
    session_expected_contractions_ch2: 12,
  },
};

interface Channel {
  channel_name: string;
  total_contractions: number;
  mvc_compliant_contractions: number;
  duration_compliant_contractions: number;
  good_contractions: number;
}

describe('therapy sessions end to end (embedded)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let patientCode: string;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const upload = async (
    u: TestUser,
    name: string,
    content: Buffer,
    fields: Record<string, string | number> = {},
  ) => {
    const body = multipart({ name, content }, { patient_code: patientCode, ...fields });
    return t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth(u)), ...body.headers },
      payload: body.payload,
    });
  };
  const codes = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    alice = await createUser(t.database, 'therapist');
    bob = await createUser(t.database, 'therapist');
    researcher = await createUser(t.database, 'researcher');
    const p = await t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: await auth(alice),
      payload: {},
    });
    expect(p.statusCode).toBe(201);
    patientCode = p.json().patient_code;
  });
  afterAll(async () => t.close());

  it.each(REFERENCE)(
    '%s: upload -> completed with the 15.3 numbers',
    async (file, ch1, ch2, left, right, compliance, symmetry, overall) => {
      const res = await upload(alice, file, ghostly(file));
      expect(res.statusCode).toBe(202);
      const accepted = res.json();
      expect(accepted).toMatchObject({ status: 'queued', duplicate: false });
      expect(accepted.session_code).toMatch(new RegExp(`^${patientCode}S\\d{3}$`));
      codes.set(file, accepted.session_code);
      const status = await waitForSession(t, await auth(alice), accepted.session_code);
      expect(status).toMatchObject({ status: 'completed', progress: 100, error_code: null });

      const detail = (
        await t.app.inject({
          method: 'GET',
          url: `/sessions/${accepted.session_code}`,
          headers: await auth(alice),
        })
      ).json();
      const counts = (c: Channel) => [
        c.total_contractions,
        c.mvc_compliant_contractions,
        c.duration_compliant_contractions,
        c.good_contractions,
      ];
      expect(detail.channels.map((c: Channel) => c.channel_name)).toEqual(['CH1', 'CH2']);
      expect(counts(detail.channels[0])).toEqual(ch1);
      expect(counts(detail.channels[1])).toEqual(ch2);
      expect(detail.contractions).toHaveLength(ch1[0]! + ch2[0]!);
      const s = detail.performance_scores;
      expect(s.left_muscle_compliance).toBeCloseTo(left, 2);
      expect(s.right_muscle_compliance).toBeCloseTo(right, 2);
      expect(s.compliance_score).toBeCloseTo(compliance, 2);
      expect(s.symmetry_score).toBeCloseTo(symmetry, 2);
      expect(s.overall_score).toBeCloseTo(overall, 2);
      expect(s.scoring_config_id).toBe('a0000000-0000-0000-0000-000000000001');
      expect(detail.processing_profile).toMatch(/^ghostly-v1@/);
      expect(detail.session_settings).toMatchObject({
        target_contractions_ch1: 12,
        target_contractions_ch2: 12,
        mvc_threshold_percentage: 75,
      });
      expect(detail.game_metadata.channel_names).toBeDefined();
      expect(detail.session_date).not.toBeNull();
      expect(detail.result_version).toBe(1);

      // Stored analytics, contraction flags and scores equal `emg-c3d analyze --json --params P` of
      // the same file, P being the targets of GHOSTLY-TRIAL-DEFAULT (which equal the defaults).
      const report = JSON.parse(JSON.stringify(analyzeC3d(readC3d(ghostly(file)), TRIAL_DEFAULT_TARGETS)));
      for (const [i, ch] of ['CH1', 'CH2'].entries()) {
        const { contractions, ...analytics } = report.analytics[ch];
        expect(detail.channels[i].analytics).toEqual(analytics);
        const stored = detail.contractions.filter((c: { channel_name: string }) => c.channel_name === ch);
        expect(
          stored.map(
            (c: { start_sample: number; meets_mvc: boolean; meets_duration: boolean; is_good: boolean }) => [
              c.start_sample,
              c.meets_mvc,
              c.meets_duration,
              c.is_good,
            ],
          ),
        ).toEqual(
          contractions.map(
            (c: { start_index: number; meets_mvc: boolean; meets_duration: boolean; is_good: boolean }) => [
              c.start_index,
              c.meets_mvc,
              c.meets_duration,
              c.is_good,
            ],
          ),
        );
      }
      expect(s.overall_score).toBe(report.performance_analysis.overall_score);
      expect(s.compliance_score).toBe(report.performance_analysis.compliance_score);
    },
  );

  it('stores exactly the contractions of emg-c3d analyze for 0881 (first CH1 contraction of 15.3)', async () => {
    const code = codes.get('Ghostly_Emg_20230321_17-50-17-0881.c3d')!;
    const detail = (
      await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth(alice) })
    ).json();
    const first = detail.contractions.find(
      (c: { channel_name: string; idx: number }) => c.channel_name === 'CH1' && c.idx === 0,
    );
    expect(first.start_time_ms).toBeCloseTo(1984.8, 0);
    expect(first.end_time_ms).toBeCloseTo(2466.7, 0);
    expect(first).toMatchObject({ meets_mvc: true, meets_duration: false, is_good: false });
    expect(detail.channels[0].mvc75_threshold).toBeCloseTo(2.6369e-5, 8);
  });

  it('answers a duplicate upload of the same file with the existing session (200, duplicate)', async () => {
    const file = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';
    const res = await upload(alice, file, ghostly(file));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ session_code: codes.get(file), duplicate: true });
    const list = (
      await t.app.inject({
        method: 'GET',
        url: `/sessions?patient_code=${patientCode}&limit=100`,
        headers: await auth(alice),
      })
    ).json();
    expect(list.total).toBe(REFERENCE.length);
  });

  it('filters and paginates the list', async () => {
    const h = await auth(alice);
    const page = (
      await t.app.inject({ method: 'GET', url: '/sessions?status=completed&limit=2&offset=1', headers: h })
    ).json();
    expect(page).toMatchObject({ total: REFERENCE.length, limit: 2, offset: 1 });
    expect(page.items).toHaveLength(2);
    const old = (
      await t.app.inject({ method: 'GET', url: '/sessions?to=2023-12-31T00:00:00Z', headers: h })
    ).json();
    expect(old.total).toBe(5);
    const none = (await t.app.inject({ method: 'GET', url: '/sessions?status=failed', headers: h })).json();
    expect(none.total).toBe(0);
  });

  it('hides sessions from other therapists (404) and lets researchers read but not upload or reprocess', async () => {
    const code = codes.get('Ghostly_Emg_20230321_17-23-09-0409.c3d')!;
    expect(
      (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth(bob) })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/sessions/${code}/status`, headers: await auth(bob) }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/sessions', headers: await auth(bob) })).json().total,
    ).toBe(0);
    expect(
      (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth(researcher) }))
        .statusCode,
    ).toBe(200);
    const file = 'Ghostly_Emg_20230321_17-28-14-0160.c3d';
    expect((await upload(researcher, file, ghostly(file))).statusCode).toBe(403);
    expect((await upload(bob, file, ghostly(file))).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/sessions/${code}/reprocess`,
          headers: await auth(researcher),
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
  });

  it.each([
    ['GET', '', undefined],
    ['GET', '/status', undefined],
    ['POST', '/reprocess', {}],
    ['PATCH', '/subjective', { rpe_post_session: 5 }],
    ['GET', 'webhook-status', undefined],
  ] as const)(
    'answers another therapist %s %s with 404 session_not_found and changes nothing',
    async (method, suffix, payload) => {
      const code = codes.get('Ghostly_Emg_20230321_17-33-14-0785.c3d')!;
      const url =
        suffix === 'webhook-status' ? `/webhooks/storage/status/${code}` : `/sessions/${code}${suffix}`;
      // attempts is in the status, result version and scores in the detail
      const snapshot = async () => {
        const h = await auth(alice);
        const detail = (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();
        const status = (
          await t.app.inject({ method: 'GET', url: `/sessions/${code}/status`, headers: h })
        ).json();
        return [detail.result_version, status.attempts, detail.performance_scores.rpe_post_session];
      };
      const before = await snapshot();
      expect(before[0]).toBeGreaterThan(0);
      expect(before[1]).toBeGreaterThan(0);
      const res = await t.app.inject({
        method,
        url,
        headers: await auth(bob),
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('session_not_found');
      expect(await snapshot()).toEqual(before);
    },
  );

  it("shows researchers the session without the player's name from the file (pseudonymised)", async () => {
    const code = codes.get('Ghostly_Emg_20230321_17-23-09-0409.c3d')!;
    const asTherapist = (
      await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth(alice) })
    ).json();
    expect(asTherapist.game_metadata.player_name).toBe('Default');
    // twice: the second answer comes from the cache shared by all roles
    for (let i = 0; i < 2; i++) {
      const asResearcher = (
        await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth(researcher) })
      ).json();
      expect(asResearcher.game_metadata).not.toHaveProperty('player_name');
      expect(asResearcher.game_metadata.game_name).toBe('Ghostly');
      expect(asResearcher.channels).toHaveLength(2);
    }
    const again = (
      await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth(alice) })
    ).json();
    expect(again.game_metadata.player_name).toBe('Default');
  });

  it('serves a completed session from the cache until its result version changes', async () => {
    const code = codes.get('Ghostly_Emg_20231004_13-18-43-0464.c3d')!;
    const h = await auth(alice);
    const get = async () =>
      (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();
    const first = await get();
    const cache = t.get(CacheService);
    expect(await cache.get(CacheService.sessionResultKey(first.id, first.result_version))).toBeDefined();
    // a change behind the service's back is not seen: the cached result answers
    await t.database.kysely
      .updateTable('performance_scores')
      .set({ overall_score: 1 })
      .where('session_id', '=', first.id)
      .execute();
    expect((await get()).performance_scores.overall_score).toBe(first.performance_scores.overall_score);
    // a rescore bumps the version: the old entry is dropped and the new result read
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/sessions/${code}/subjective`,
      headers: h,
      payload: { rpe_post_session: 3 },
    });
    expect(patched.statusCode).toBe(200);
    expect(await cache.get(CacheService.sessionResultKey(first.id, first.result_version))).toBeUndefined();
    const after = await get();
    expect(after.result_version).toBe(first.result_version + 1);
    expect(after.performance_scores).toMatchObject({ rpe_post_session: 3, effort_score: 85 });
    expect(after.performance_scores.overall_score).not.toBe(1);
  });

  it('rescores on subjective data without re-analysis, and reprocesses with new parameters', async () => {
    const code = codes.get('Ghostly_Emg_20230321_17-50-17-0881.c3d')!;
    const h = await auth(alice);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/sessions/${code}/subjective`,
      headers: h,
      payload: { rpe_post_session: 8, bfr_pressure_aop: 50 },
    });
    expect(patched.statusCode).toBe(200);
    const after = patched.json();
    expect(after.result_version).toBe(2);
    expect(after.performance_scores).toMatchObject({
      rpe_post_session: 8,
      effort_score: 25,
      bfr_pressure_aop: 50,
    });
    expect(after.performance_scores.compliance_score).toBeCloseTo(61.05, 2);
    expect(after.bfr_monitoring).toHaveLength(2);
    expect(after.channels[0].total_contractions).toBe(18);

    const re = await t.app.inject({
      method: 'POST',
      url: `/sessions/${code}/reprocess`,
      headers: h,
      payload: { contraction_duration_threshold: 250 },
    });
    expect(re.statusCode).toBe(202);
    expect(re.json()).toMatchObject({ status: 'queued', attempts: 2 });
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    const detail = (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();
    expect(detail.result_version).toBe(3);
    expect(detail.channels[0].duration_threshold_ms).toBe(250);
    expect(detail.channels[0].duration_compliant_contractions).toBeGreaterThan(0);
    expect(detail.channels[0].total_contractions).toBe(18);
    expect(detail.performance_scores.rpe_post_session).toBe(8);
    expect(detail.contractions).toHaveLength(26);
  });

  it('re-enqueues sessions left unfinished at start (embedded queue lost its jobs) and replaces, not duplicates, rows', async () => {
    const code = codes.get('Ghostly_Emg_20230321_17-28-14-0160.c3d')!;
    const db = t.database.kysely;
    // As after a crash mid-job: the row says processing, the in-memory job is gone.
    await db
      .updateTable('therapy_sessions')
      .set({ processing_status: 'processing', stage: 'analyzing' })
      .where('session_code', '=', code)
      .execute();
    await t.get(SessionProcessor).onApplicationBootstrap();
    const h = await auth(alice);
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    const detail = (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();
    expect(detail.result_version).toBe(2);
    expect(detail.contractions).toHaveLength(23);
    expect(detail.channels).toHaveLength(2);
    expect(detail.performance_scores.overall_score).toBeCloseTo(75.57, 2);
  });
});
