import { signalEntryJson } from '@app/analysis';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { AuthUser } from '../auth/auth-user.js';
import { CACHE_TTL, CacheService } from '../infrastructure/cache/cache.service.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import type { TherapySessionsTable } from '../infrastructure/database/database.types.js';
import { NotFoundError } from '../shared/errors/app-error.js';
import { SessionRepository } from '../session/session.repository.js';
import {
  DEFAULT_SIGNAL_POINTS,
  type ChannelListDto,
  type ChannelSignalDto,
  type SignalQueryDto,
} from './dto/signals.dto.js';
import { SignalSetLoader } from './signal-set.loader.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CACHE_NOTE = 'Regenerated from the stored C3D file; cached per session and result version';

/**
 * Signals of stored sessions (the original's /signals/jit routes, made to work): regenerated
 * from the session's C3D file, only for callers who may read the session (RLS; everyone else
 * 404), cached per session, result version and downsampling.
 */
@Injectable()
export class SignalsService {
  constructor(
    private readonly db: DbContext,
    private readonly sessions: SessionRepository,
    private readonly loader: SignalSetLoader,
    private readonly cache: CacheService,
  ) {}

  async channels(user: AuthUser, ref: string): Promise<ChannelListDto> {
    const session = await this.visible(user, ref);
    const key = CacheService.sessionSignalsKey(session.id, session.result_version, 'channels');
    return this.cache.getOrSet(key, CACHE_TTL.sessionSignals, async () => {
      const set = await this.loader.load(session);
      return {
        success: true,
        session_id: session.id,
        session_code: session.session_code,
        channel_names: [...set.entries.keys()],
        channel_count: set.entries.size,
        sampling_rate: set.samplingRate,
        duration_seconds: set.samples / set.samplingRate,
        samples: set.samples,
        jit_enabled: true,
        result_version: session.result_version,
        note: CACHE_NOTE,
      };
    });
  }

  async channel(
    user: AuthUser,
    ref: string,
    channelName: string,
    query: SignalQueryDto,
  ): Promise<ChannelSignalDto> {
    const session = await this.visible(user, ref);
    const stride = query.downsample_factor ?? 1;
    const maxPoints = query.max_points ?? (stride > 1 ? 0 : DEFAULT_SIGNAL_POINTS);
    const includeRms = query.include_rms ?? true;
    const list = await this.channels(user, ref);
    const name = list.channel_names.find((n) => n.toLowerCase() === channelName.trim().toLowerCase());
    if (!name) {
      throw new NotFoundError('channel_not_found', `Channel '${channelName}' not found in C3D file`, {
        channel_names: list.channel_names,
      });
    }
    const part = `ch:${name}:f${stride}:p${maxPoints}:rms${includeRms ? 1 : 0}`;
    const key = CacheService.sessionSignalsKey(session.id, session.result_version, part);
    return this.cache.getOrSet(key, CACHE_TTL.sessionSignals, async () => {
      const set = await this.loader.load(session);
      const json = signalEntryJson(set.entries.get(name)!, set.samplingRate, maxPoints, stride);
      return {
        success: true,
        session_id: session.id,
        session_code: session.session_code,
        channel_name: name,
        time_axis: json.time_axis,
        data: json.data,
        rms_envelope: includeRms ? json.rms_envelope : null,
        processed_data: json.processed_data,
        sampling_rate: set.samplingRate,
        samples: json.samples,
        duration_seconds: json.samples / set.samplingRate,
        points: json.time_axis.length,
        downsample_factor: stride,
        max_points: maxPoints,
        result_version: session.result_version,
        generated_at: new Date().toISOString(),
        cache_note: CACHE_NOTE,
      };
    });
  }

  /** The session by id or code, as the caller may see it (RLS), else 404. */
  private async visible(user: AuthUser, ref: string): Promise<Selectable<TherapySessionsTable>> {
    const row = await this.db.asUser(user, (trx) =>
      UUID.test(ref) ? this.sessions.findById(trx, ref) : this.sessions.findByCode(trx, ref),
    );
    if (!row) throw new NotFoundError('session_not_found', `Session not found: ${ref}`);
    return row;
  }
}
