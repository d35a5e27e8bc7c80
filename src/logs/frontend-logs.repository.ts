import { Injectable } from '@nestjs/common';
import type { Insertable, Selectable } from 'kysely';
import type { FrontendLogsTable } from '../infrastructure/database/database.types.js';
import type { Tx } from '../infrastructure/database/db-context.js';

export type NewFrontendLogLine = Omit<Insertable<FrontendLogsTable>, 'received_at'>;
export type FrontendLogRow = Selectable<FrontendLogsTable>;

/** The web client's log lines: appended, and read newest first. */
@Injectable()
export class FrontendLogsRepository {
  /** No RETURNING: a therapist may add lines but not read them back (RLS). */
  async append(trx: Tx, lines: NewFrontendLogLine[]): Promise<void> {
    if (lines.length === 0) return;
    await trx.insertInto('frontend_logs').values(lines).execute();
  }

  async latest(trx: Tx, limit: number): Promise<FrontendLogRow[]> {
    return trx.selectFrom('frontend_logs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }

  async count(trx: Tx): Promise<number> {
    const { n } = await trx
      .selectFrom('frontend_logs')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
