import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../shared/http/original-validation.interceptor.js';
import {
  ChannelListDto,
  ChannelSignalDto,
  SessionChannelParamDto,
  SessionCodeChannelParamDto,
  SessionCodeRefParamDto,
  SessionRefParamDto,
  SignalQueryDto,
} from './dto/signals.dto.js';
import { SignalsService } from './signals.service.js';

const CHANNELS = 'Channel list of a stored session: raw, activated and processed (envelope) channels';
const CHANNEL =
  'One channel of a stored session, regenerated from its C3D file: data, time_axis (s), rms_envelope, ' +
  'processed_data; min/max-downsampled to max_points (default 6000), or every k-th sample with downsample_factor';

/** The original's paths (/signals/jit/...), which take a session id or code. */
@ApiTags('signals')
@Controller('signals/jit')
@OriginalValidationStatus()
export class SignalsJitController {
  constructor(private readonly signals: SignalsService) {}

  @Get(':session_id/channels')
  @Auth()
  @ApiOperation({ summary: CHANNELS })
  @ApiOkResponse({ type: ChannelListDto })
  @ApiErrors(ERR.sessionNotFound, ERR.storedFileUnreadable)
  channels(@CurrentUser() user: AuthUser, @Param() p: SessionRefParamDto): Promise<ChannelListDto> {
    return this.signals.channels(user, p.session_id);
  }

  @Get(':session_id/:channel_name')
  @Auth()
  @ApiOperation({ summary: CHANNEL })
  @ApiOkResponse({ type: ChannelSignalDto })
  @ApiErrors(ERR.sessionNotFound, ERR.channelNotFound, ERR.storedFileUnreadable)
  channel(
    @CurrentUser() user: AuthUser,
    @Param() p: SessionChannelParamDto,
    @Query() q: SignalQueryDto,
  ): Promise<ChannelSignalDto> {
    return this.signals.channel(user, p.session_id, p.channel_name, q);
  }
}

/** The same under the session's own path. */
@ApiTags('signals')
@Controller('sessions/:session_code/signals')
export class SessionSignalsController {
  constructor(private readonly signals: SignalsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: CHANNELS })
  @ApiOkResponse({ type: ChannelListDto })
  @ApiErrors(400, ERR.sessionNotFound, ERR.storedFileUnreadable)
  channels(@CurrentUser() user: AuthUser, @Param() p: SessionCodeRefParamDto): Promise<ChannelListDto> {
    return this.signals.channels(user, p.session_code);
  }

  @Get(':channel_name')
  @Auth()
  @ApiOperation({ summary: CHANNEL })
  @ApiOkResponse({ type: ChannelSignalDto })
  @ApiErrors(400, ERR.sessionNotFound, ERR.channelNotFound, ERR.storedFileUnreadable)
  channel(
    @CurrentUser() user: AuthUser,
    @Param() p: SessionCodeChannelParamDto,
    @Query() q: SignalQueryDto,
  ): Promise<ChannelSignalDto> {
    return this.signals.channel(user, p.session_code, p.channel_name, q);
  }
}
