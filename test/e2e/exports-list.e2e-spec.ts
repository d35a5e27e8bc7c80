// GET /exports: a researcher's or admin's own exports, newest first, filtered and paged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestUser } from '../support/tokens.js';
import { ExportsFixture, type ExportJob } from './exports.fixture.js';

const SECRET = 'exports-list-e2e-secret-with-32-chars!!';

interface ListedExport extends ExportJob {
  scope: string;
  format: string;
  created_at: string;
}
interface ExportPage {
  items: ListedExport[];
  total: number | null;
  count: string;
  limit: number;
  offset: number;
  next_cursor: string | null;
}

describe('GET /exports (embedded)', () => {
  const f = new ExportsFixture(SECRET);
  let alice: TestUser;
  let researcher: TestUser;
  let admin: TestUser;
  const { get, post, waitExport } = f;
  const list = async (u: TestUser, query = '') => {
    const res = await get(u, `/exports${query}`);
    expect([query, res.statusCode]).toEqual([query, 200]);
    return res.json<ExportPage>();
  };

  beforeAll(async () => {
    await f.setup();
    ({ alice, researcher, admin } = f);
  });
  afterAll(async () => f.close());

  it('lists the caller’s own exports of every scope, newest first, with filters and pages', async () => {
    expect((await get(alice, '/exports')).statusCode).toBe(403);
    expect(await list(researcher)).toMatchObject({ items: [], total: 0, count: 'exact', next_cursor: null });

    const json = await waitExport(
      researcher,
      (await post(researcher, { format: 'json' })).json<ExportJob>().id,
    );
    const csv = await waitExport(
      researcher,
      (await post(researcher, { format: 'csv' })).json<ExportJob>().id,
    );
    expect([json.status, csv.status]).toEqual(['completed', 'completed']);
    const session = await get(researcher, `/sessions/${f.sessionCodes[0]}/export?format=json`);
    expect(session.statusCode).toBe(200);

    const all = await list(researcher);
    expect(all).toMatchObject({ total: 3, count: 'exact', limit: 20, offset: 0, next_cursor: null });
    expect(all.items.map((e) => [e.scope, e.format, e.status])).toEqual([
      ['session', 'json', 'completed'],
      ['cohort', 'csv', 'completed'],
      ['cohort', 'json', 'completed'],
    ]);
    // each cohort item is what GET /exports/{id} answers; only those have a download
    expect(all.items[1]).toEqual((await get(researcher, `/exports/${csv.id}`)).json());
    expect(all.items.map((e) => e.download_url)).toEqual([
      null,
      `/exports/${csv.id}/download`,
      `/exports/${json.id}/download`,
    ]);

    expect((await list(researcher, '?scope=cohort')).items.map((e) => e.id)).toEqual([csv.id, json.id]);
    expect((await list(researcher, '?format=csv')).items.map((e) => e.id)).toEqual([csv.id]);
    expect(await list(researcher, '?status=failed')).toMatchObject({ items: [], total: 0 });

    // keyset pages and offset pages give the same rows, each once
    const first = await list(researcher, '?limit=2');
    expect(first.items.map((e) => e.id)).toEqual(all.items.slice(0, 2).map((e) => e.id));
    const second = await list(researcher, `?limit=2&cursor=${first.next_cursor}`);
    expect(second).toMatchObject({ total: null, count: 'none', next_cursor: null });
    expect(second.items.map((e) => e.id)).toEqual([all.items[2]!.id]);
    expect((await list(researcher, '?limit=1&offset=1')).items.map((e) => e.id)).toEqual([csv.id]);

    // row-level security: another user's exports are not listed
    expect(await list(admin)).toMatchObject({ items: [], total: 0 });
    const mine = await waitExport(admin, (await post(admin, { format: 'csv' })).json<ExportJob>().id);
    expect((await list(admin)).items.map((e) => e.id)).toEqual([mine.id]);
    expect((await list(researcher)).total).toBe(3);
  });

  it('refuses unknown filters and cursors that are not next_cursor values', async () => {
    for (const query of ['?status=done', '?scope=all', '?format=xlsx', '?limit=0', '?cursor=a.b']) {
      expect([query, (await get(researcher, `/exports${query}`)).statusCode]).toEqual([query, 400]);
    }
    const first = await list(researcher, '?limit=1');
    const res = await get(researcher, `/exports?cursor=${first.next_cursor}&offset=1`);
    expect([res.statusCode, res.json().error]).toEqual([400, 'invalid_cursor']);
  });
});
