import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import type { SessionRow } from '../session/session.repository.js';
import { sessionQuality } from '../session/session-quality.js';
import { SessionQueries } from '../session/use-cases/session-queries.js';
import type { WebhookStatusDto } from './dto/storage-event.dto.js';

/** The original's webhook status route: a session's processing state, with processed_at and the error. */
@Injectable()
export class WebhookStatusService {
  constructor(private readonly sessions: SessionQueries) {}

  async status(user: AuthUser, sessionCode: string): Promise<WebhookStatusDto> {
    return toWebhookStatusDto(await this.sessions.row(user, sessionCode));
  }
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toWebhookStatusDto(row: SessionRow): WebhookStatusDto {
  return {
    session_code: row.session_code,
    status: row.processing_status,
    file_path: row.file_path,
    created_at: iso(row.created_at)!,
    processed_at: iso(row.processed_at),
    error_code: row.error_code,
    error_message: row.error_message,
    has_analysis: row.result_version > 0,
    ...sessionQuality(row.game_metadata, row.result_version > 0),
  };
}
