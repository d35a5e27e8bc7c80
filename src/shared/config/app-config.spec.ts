import { describe, expect, it } from '@jest/globals';
import { AppConfig, ConfigValidationError } from './app-config.js';

describe('AppConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const c = AppConfig.fromEnv({});
    expect(c.env.PORT).toBe(8080);
    expect(c.embeddedDatabase).toBe(true);
    expect(c.usesRedis).toBe(false);
    expect(c.env.STORAGE_DRIVER).toBe('filesystem');
    expect(c.runsApi && c.runsWorkers).toBe(true);
    expect(c.migrateOnStart).toBe(true);
  });

  it('switches components to server mode independently', () => {
    const c = AppConfig.fromEnv({ DATABASE_URL: 'postgres://u@h/db' });
    expect(c.embeddedDatabase).toBe(false);
    expect(c.migrateOnStart).toBe(false);
    expect(c.usesRedis).toBe(false);
    const w = AppConfig.fromEnv({
      DATABASE_URL: 'postgres://u@h/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      APP_ROLE: 'worker',
    });
    expect(w.runsApi).toBe(false);
    expect(w.runsWorkers).toBe(true);
    expect(AppConfig.fromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).usesRedis).toBe(true);
  });

  it('reports every bad key at once', () => {
    let error: unknown;
    try {
      AppConfig.fromEnv({
        PORT: 'eighty',
        APP_ROLE: 'boss',
        REDIS_URL: 'http://x',
        STORAGE_DRIVER: 'supabase',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const text = (error as ConfigValidationError).problems.join('\n');
    for (const key of ['PORT', 'APP_ROLE', 'REDIS_URL', 'SUPABASE_URL', 'SUPABASE_SERVICE_ROLE_KEY']) {
      expect(text).toContain(key);
    }
  });

  it('refuses a split role without a shared queue and database', () => {
    const problems = (env: Record<string, string>) => {
      try {
        AppConfig.fromEnv(env);
        return [];
      } catch (e) {
        return (e as ConfigValidationError).problems;
      }
    };
    expect(problems({ APP_ROLE: 'api' }).join('\n')).toMatch(/REDIS_URL[\s\S]*DATABASE_URL/);
    expect(problems({ APP_ROLE: 'worker', DATABASE_URL: 'postgres://u@h/db' })).toEqual([
      expect.stringContaining('APP_ROLE=worker needs REDIS_URL'),
    ]);
    expect(
      problems({ APP_ROLE: 'api', DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' }),
    ).toEqual([]);
  });

  it('parses booleans and lists', () => {
    const c = AppConfig.fromEnv({ WEBHOOK_ALLOW_UNSIGNED: 'true', ALLOWED_ORIGINS: 'http://a, http://b ,' });
    expect(c.env.WEBHOOK_ALLOW_UNSIGNED).toBe(true);
    expect(c.allowedOrigins).toEqual(['http://a', 'http://b']);
    expect(() => AppConfig.fromEnv({ WEBHOOK_ALLOW_UNSIGNED: 'maybe' })).toThrow(ConfigValidationError);
  });
});
