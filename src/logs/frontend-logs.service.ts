import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import type { FrontendLogsReceivedDto, FrontendLogTailDto } from './dto/frontend-logs.dto.js';
import { FrontendLogsRepository, type FrontendLogRow } from './frontend-logs.repository.js';
import { type LogEntryInput, toLogLine } from './log-entry.js';
import type { RequestSource } from './request-source.decorator.js';

/** Address text as stored: the column holds at most 64 characters. */
const clip = (address: string) => address.slice(0, 64);

function toLineDto(row: FrontendLogRow) {
  return {
    id: String(row.id),
    received_at: row.received_at.toISOString(),
    user_id: row.user_id,
    request_id: row.request_id,
    client_address: row.client_address,
    entry: row.entry,
  };
}

@Injectable()
export class FrontendLogsService {
  constructor(
    private readonly db: DbContext,
    private readonly logs: FrontendLogsRepository,
  ) {}

  /**
   * Stores a batch in one transaction. A signed-in sender writes under RLS in their own name;
   * a request without a token (ANONYMOUS_ANALYSIS=true) has no database identity, so its lines
   * are written by the service context with no user.
   */
  async receive(source: RequestSource, entries: LogEntryInput[]): Promise<FrontendLogsReceivedDto> {
    const lines = entries.map((entry) => ({
      user_id: source.user?.id ?? null,
      request_id: source.requestId,
      client_address: clip(source.clientAddress),
      entry: toLogLine(entry),
    }));
    if (source.user) {
      await this.db.asUser(source.user, (trx) => this.logs.append(trx, lines));
    } else {
      await this.db.asService('anonymous-frontend-logs', (trx) => this.logs.append(trx, lines));
    }
    return {
      success: true,
      message: `Received ${entries.length} log entries`,
      timestamp: new Date().toISOString(),
    };
  }

  /** The last `count` lines, oldest first, read under the admin's RLS. */
  async tail(admin: AuthUser, count: number): Promise<FrontendLogTailDto> {
    const { rows, total } = await this.db.asUser(admin, async (trx) => ({
      rows: await this.logs.latest(trx, count),
      total: await this.logs.count(trx),
    }));
    const entries = rows.reverse().map(toLineDto);
    return {
      logs: entries.map((e) => e.entry),
      total_lines: total,
      showing: entries.length,
      entries,
    };
  }
}
