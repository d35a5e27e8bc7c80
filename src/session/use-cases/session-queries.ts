import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import { CACHE_TTL, CacheService } from '../../infrastructure/cache/cache.service.js';
import { DbContext, type Tx } from '../../infrastructure/database/db-context.js';
import { PatientRepository } from '../../patient/patient.repository.js';
import { NotFoundError } from '../../shared/errors/app-error.js';
import { type Page, pageRequest, toKeysetPage } from '../../shared/pagination/page.dto.js';
import type { ListSessionsQueryDto } from '../dto/session-request.dto.js';
import type { SessionDetailDto, SessionStatusDto, SessionSummaryDto } from '../dto/session-response.dto.js';
import { SessionResultsRepository } from '../session-results.repository.js';
import { toSessionDetailDto, toSessionStatusDto, toSessionSummaryDto } from '../session.mapper.js';
import { type SessionRow, SessionRepository } from '../session.repository.js';

/**
 * The reads of sessions, as the caller may see them: every path runs under RLS (asUser), so
 * another therapist's session does not exist. A completed session's detail is cached per result
 * version; researchers get it pseudonymised.
 */
@Injectable()
export class SessionQueries {
  constructor(
    private readonly db: DbContext,
    private readonly sessions: SessionRepository,
    private readonly results: SessionResultsRepository,
    private readonly patients: PatientRepository,
    private readonly cache: CacheService,
  ) {}

  list(user: AuthUser, query: ListSessionsQueryDto): Promise<Page<SessionSummaryDto>> {
    const page = pageRequest(query);
    return this.db.asUser(user, async (trx) => {
      const rows = await this.sessions.list(
        trx,
        {
          patientCode: query.patient_code,
          ownPatientsOf: user.role === 'therapist' ? user.id : undefined,
          status: query.status,
          from: query.from,
          to: query.to,
        },
        page,
      );
      return toKeysetPage(rows, toSessionSummaryDto, query);
    });
  }

  get(user: AuthUser, sessionCode: string): Promise<SessionDetailDto> {
    return this.db.asUser(user, async (trx) => {
      const row = await findVisible(this.sessions, trx, sessionCode);
      const load = async () => {
        // the patient row is visible: the session is (RLS follows the patient)
        const patient = await this.patients.findById(trx, row.patient_id);
        return toSessionDetailDto(row, patient!.patient_code, await this.results.read(trx, row.id));
      };
      // Only finished results are cached: their key changes with every new result version.
      const detail =
        row.processing_status !== 'completed'
          ? await load()
          : await this.cache.getOrSet(
              CacheService.sessionResultKey(row.id, row.result_version),
              CACHE_TTL.sessionResult,
              load,
            );
      // labels that change without a new result version come from the row, not the cache
      const current = { ...detail, channel_muscle_mapping: row.channel_muscle_mapping };
      if (user.role === 'researcher') return pseudonymised(current);
      return withPlayerName(current, await this.sessions.playerNameOf(trx, row.id));
    });
  }

  status(user: AuthUser, sessionCode: string): Promise<SessionStatusDto> {
    return this.db.asUser(user, async (trx) =>
      toSessionStatusDto(await findVisible(this.sessions, trx, sessionCode)),
    );
  }

  /** The session row itself, for the other answers about a session (the webhook's status route). */
  row(user: AuthUser, sessionCode: string): Promise<SessionRow> {
    return this.db.asUser(user, (trx) => findVisible(this.sessions, trx, sessionCode));
  }
}

/** The session of this code, if the caller may see it; else 404 session_not_found. */
export async function findVisible(
  sessions: SessionRepository,
  trx: Tx,
  sessionCode: string,
): Promise<SessionRow> {
  const row = await sessions.findByCode(trx, sessionCode);
  if (!row) throw sessionNotFound(sessionCode);
  return row;
}

export function sessionNotFound(sessionCode: string): NotFoundError {
  return new NotFoundError('session_not_found', `Session ${sessionCode.toUpperCase()} not found`);
}

/**
 * Researchers see pseudonymised data only: the game writes the player's name into the file
 * (SUBJECTS:PLAYER_NAME), and a clinic may type the patient's real name there.
 */
function pseudonymised(detail: SessionDetailDto): SessionDetailDto {
  const { player_name: _name, ...metadata } = detail.game_metadata;
  return { ...detail, game_metadata: metadata };
}

/**
 * The database keeps the player's name apart from game_metadata (therapy_session_players, which
 * researchers cannot read); the caller allowed to see it gets it back where the file had it.
 */
function withPlayerName(
  detail: SessionDetailDto,
  player: { player_name: string | null } | undefined,
): SessionDetailDto {
  return player
    ? { ...detail, game_metadata: { ...detail.game_metadata, player_name: player.player_name } }
    : detail;
}
