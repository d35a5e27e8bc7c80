// CACHE_TTL_SECONDS is the lifetime of session results and signals: CacheService leaves their
// TTL to the cache's default, which cache.module.ts sets from the variable.
import { describe, expect, it } from '@jest/globals';
import { createCache } from 'cache-manager';
import { CACHE_TTL, CacheService } from './cache.service.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('cache lifetimes', () => {
  it('session results and signals live as long as the configured default', async () => {
    expect(CACHE_TTL.sessionResult).toBeUndefined();
    expect(CACHE_TTL.sessionSignals).toBeUndefined();
    const cache = new CacheService(createCache({ ttl: 80 }));
    await cache.set('result', { overall_score: 78.25 }, CACHE_TTL.sessionResult);
    expect(await cache.get('result')).toEqual({ overall_score: 78.25 });
    await sleep(150);
    expect(await cache.get('result')).toBeUndefined();
  });

  it('near miss: user profiles keep their own 30 s whatever the default', async () => {
    expect(CACHE_TTL.userProfile).toBe(30_000);
    const cache = new CacheService(createCache({ ttl: 80 }));
    await cache.set('profile', { role: 'admin' }, CACHE_TTL.userProfile);
    await sleep(150);
    expect(await cache.get('profile')).toEqual({ role: 'admin' });
  });
});
