import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import { CacheService } from '../../infrastructure/cache/cache.service.js';
import { DbContext } from '../../infrastructure/database/db-context.js';
import { ScoringConfigService } from '../../scoring-config/scoring-config.service.js';
import type { SubjectiveDto } from '../dto/session-request.dto.js';
import type { SessionDetailDto } from '../dto/session-response.dto.js';
import { scoreRows } from '../session-results.mapper.js';
import { SessionResultsRepository } from '../session-results.repository.js';
import { scoreSession, storedChannels } from '../session-scoring.js';
import { pickSubjective } from '../session-subjective.js';
import { SessionRepository } from '../session.repository.js';
import { SessionQueries, sessionNotFound } from './session-queries.js';

/**
 * RPE, BFR pressure and game points entered after the upload. A completed session is rescored
 * from its stored channel counts (no re-analysis) and gets a new result version.
 */
@Injectable()
export class UpdateSubjective {
  constructor(
    private readonly db: DbContext,
    private readonly sessions: SessionRepository,
    private readonly results: SessionResultsRepository,
    private readonly scoring: ScoringConfigService,
    private readonly cache: CacheService,
    private readonly queries: SessionQueries,
  ) {}

  async update(user: AuthUser, sessionCode: string, dto: SubjectiveDto): Promise<SessionDetailDto> {
    const previous = await this.db.asUser(user, async (trx) => {
      // locked: two concurrent updates merge their fields instead of one overwriting the other
      const current = await this.sessions.lockByCode(trx, sessionCode);
      if (!current) throw sessionNotFound(sessionCode);
      const subjective = { ...current.subjective, ...pickSubjective(dto) };
      const patch: Parameters<SessionRepository['update']>[2] = { subjective: JSON.stringify(subjective) };
      if (current.processing_status !== 'completed') {
        await this.sessions.update(trx, current.id, patch);
        return current;
      }
      const { statistics } = await this.results.read(trx, current.id);
      const { config } = await this.scoring.resolveForSession(trx, current.id);
      const scores = scoreSession(storedChannels(statistics), subjective, config);
      // Scores are written by the service only (RLS): after the caller's own write of the session.
      await this.sessions.update(trx, current.id, { ...patch, result_version: current.result_version + 1 });
      await this.db.serviceStep(trx, 'session-rescore', (step) =>
        this.results.replaceScores(step, current.id, scoreRows(current.id, scores, subjective)),
      );
      return current;
    });
    await this.cache.del(CacheService.sessionResultKey(previous.id, previous.result_version));
    return this.queries.get(user, sessionCode);
  }
}
