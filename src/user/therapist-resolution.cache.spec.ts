import { describe, expect, it } from '@jest/globals';
import type { CacheService } from '../infrastructure/cache/cache.service.js';
import type { AppConfig } from '../shared/config/app-config.js';
import type { TherapistDto } from './dto/therapist.dto.js';
import { TherapistResolutionCache } from './therapist-resolution.cache.js';

/** A CacheService over a Map; `lose` drops a key as an eviction or a Redis restart would. */
function fakeCache() {
  const store = new Map<string, unknown>();
  const cache = {
    get: (key: string) => Promise.resolve(store.get(key)),
    set: (key: string, value: unknown) => {
      store.set(key, value);
      return Promise.resolve();
    },
  } as unknown as CacheService;
  return { cache, lose: (key: string) => store.delete(key) };
}

const config = { env: {} } as AppConfig;
const therapist = (id: string): TherapistDto => ({
  id,
  first_name: null,
  last_name: 'Ray',
  user_code: 'T001',
  role: 'therapist',
  display_name: 'Dr. Ray',
});

describe('TherapistResolutionCache', () => {
  it('serves an answer only to the caller it was stored for', async () => {
    const c = new TherapistResolutionCache(fakeCache().cache, config);
    const { generation } = await c.lookup('alice', ['P001']);
    await c.store(generation, 'alice', new Map([['P001', therapist('t1')]]));
    expect((await c.lookup('alice', ['P001'])).found.get('P001')?.id).toBe('t1');
    expect((await c.lookup('bob', ['P001'])).missing).toEqual(['P001']);
  });

  it('does not keep an answer read before a clear and stored after it', async () => {
    const c = new TherapistResolutionCache(fakeCache().cache, config);
    const before = await c.lookup('alice', ['P001']);
    await c.invalidateAll();
    await c.store(before.generation, 'alice', new Map([['P001', therapist('stale')]]));
    expect((await c.lookup('alice', ['P001'])).missing).toEqual(['P001']);
  });

  it('starts a fresh generation when the generation key is lost, never reviving old entries', async () => {
    const { cache, lose } = fakeCache();
    const c = new TherapistResolutionCache(cache, config);
    const { generation } = await c.lookup('alice', ['P001']);
    await c.store(generation, 'alice', new Map([['P001', therapist('t1')]]));
    lose('therapist-resolution:generation');
    const after = await c.lookup('alice', ['P001']);
    expect(after.generation).not.toBe(generation);
    expect(after.missing).toEqual(['P001']);
  });

  it('counts hits, misses and live entries, and clear resets them', async () => {
    const c = new TherapistResolutionCache(fakeCache().cache, config);
    const { generation } = await c.lookup('alice', ['P001', 'P002']);
    await c.store(generation, 'alice', new Map([['P001', therapist('t1')]]));
    await c.lookup('alice', ['P001', 'P002']);
    expect(await c.stats()).toMatchObject({ size: 1, hits: 1, misses: 3, hit_rate: 0.25, store: 'memory' });
    expect(await c.clear()).toBe(1);
    expect(await c.stats()).toMatchObject({ size: 0, hits: 0, misses: 0, hit_rate: 0 });
  });
});
