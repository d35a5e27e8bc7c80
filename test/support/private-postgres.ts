import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster of this machine's server binaries, on its own port, that a test
 * may restart (the shared server on 5432 must not be). initdb refuses root, so as root the
 * cluster runs as the `postgres` account. Fails loudly when the binaries are missing.
 */
export interface PrivatePostgres {
  url: string;
  /** `pg_ctl restart -m fast`: open connections are terminated, new ones refused until it is up. */
  restart(): void;
  /** `pg_ctl stop -m fast` / `start`, leaving the data in place: connections refused meanwhile. */
  pause(): void;
  resume(): void;
  stop(): void;
}

function binDir(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = [
    fromConfig.status === 0 ? fromConfig.stdout.trim() : '',
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  const dir = candidates.find((d) => d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!dir) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: this test needs them');
  return dir;
}

export function startPrivatePostgres(port = 25400 + Math.floor(Math.random() * 1000)): PrivatePostgres {
  const bin = binDir();
  const root = process.getuid?.() === 0;
  const base = mkdtempSync(join(tmpdir(), 'emg-pg-'));
  if (root) chownSync(base, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const data = join(base, 'data');
  const run = (tool: string, args: string[]) =>
    execFileSync(
      root ? 'runuser' : join(bin, tool),
      root ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args,
      {
        stdio: 'pipe',
      },
    );
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const opts = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(base, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () =>
      run('pg_ctl', ['-D', data, '-o', opts, '-l', join(base, 'log'), '-m', 'fast', '-w', 'restart']),
    pause: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: () => run('pg_ctl', ['-D', data, '-o', opts, '-l', join(base, 'log'), '-w', 'start']),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
