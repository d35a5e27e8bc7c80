import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import { DbContext } from '../../infrastructure/database/db-context.js';
import { refusedByRls } from '../../shared/database/db-errors.js';
import { ForbiddenError } from '../../shared/errors/app-error.js';
import { namedTextsColumn } from '../../shared/validation/maps.js';
import type { SessionMusclesDto } from '../dto/session-request.dto.js';
import type { SessionDetailDto } from '../dto/session-response.dto.js';
import { SessionRepository } from '../session.repository.js';
import { SessionQueries, findVisible } from './session-queries.js';

const WRITE_FORBIDDEN = 'session_write_forbidden';
const FORBIDDEN_MESSAGE = 'You may not change this session';

/**
 * Corrects which muscle each channel recorded. Labels only: nothing is analysed or scored again,
 * and the result version stays (the session detail reads the mapping from the row, not the cache).
 */
@Injectable()
export class UpdateMuscles {
  constructor(
    private readonly db: DbContext,
    private readonly sessions: SessionRepository,
    private readonly queries: SessionQueries,
  ) {}

  async update(user: AuthUser, sessionCode: string, dto: SessionMusclesDto): Promise<SessionDetailDto> {
    await this.db.asUser(user, async (trx) => {
      const session = await findVisible(this.sessions, trx, sessionCode);
      const updated = await refusedByRls(
        () =>
          this.sessions.update(trx, session.id, {
            channel_muscle_mapping: namedTextsColumn(dto.channel_muscle_mapping),
          }),
        WRITE_FORBIDDEN,
        FORBIDDEN_MESSAGE,
      );
      // a session the caller sees but whose row the policies keep from changing
      if (!updated) throw new ForbiddenError(WRITE_FORBIDDEN, FORBIDDEN_MESSAGE);
    });
    return this.queries.get(user, sessionCode);
  }
}
