import { DEFAULT_PROFILE_NAME, getProcessingProfile } from '@app/emg';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import { UnauthorizedError } from '../../shared/errors/app-error.js';
import {
  ConfigInForceService,
  type ConfigurationInForce,
} from '../../scoring-config/config-in-force.service.js';
import type { ConfigDefaultsDto, ConfigDefaultsQueryDto } from './config-defaults.dto.js';

/** The scoring's expected contractions per muscle when a configuration sets none. */
const DEFAULT_CONTRACTIONS = 12;

/**
 * GET /config/defaults, as the original's: the clinical defaults the settings panel starts from,
 * from the scoring configuration in force: the caller's patient's or therapist's when given (under
 * RLS), else the global one (the trial default unless another was activated).
 */
@Injectable()
export class ConfigDefaultsService {
  constructor(private readonly inForce: ConfigInForceService) {}

  async defaults(user: AuthUser | undefined, query: ConfigDefaultsQueryDto): Promise<ConfigDefaultsDto> {
    const scoped = query.patient_id !== undefined || query.therapist_id !== undefined;
    if (scoped && !user) {
      throw new UnauthorizedError('token_missing', 'patient_id and therapist_id need a bearer access token');
    }
    const config =
      user && scoped
        ? await this.inForce.configurationInForce(user, {
            patientId: query.patient_id,
            therapistId: query.therapist_id,
          })
        : user && user.role === 'therapist'
          ? await this.inForce.configurationInForce(user, { therapistId: user.id })
          : await this.inForce.globalInForce();
    return toDefaults(config);
  }
}

function toDefaults({ row, targets }: ConfigurationInForce): ConfigDefaultsDto {
  const profile = getProcessingProfile(DEFAULT_PROFILE_NAME);
  const durationCh1 = targets.durationMs.CH1 ?? profile.duration.defaultThresholdMs;
  return {
    target_contractions_ch1: targets.contractions.CH1 ?? DEFAULT_CONTRACTIONS,
    target_contractions_ch2: targets.contractions.CH2 ?? DEFAULT_CONTRACTIONS,
    mvc_threshold_percentage: targets.mvcThresholdPercentage ?? profile.mvc.defaultThresholdPercentage,
    therapeutic_duration_threshold_ms: durationCh1,
    therapeutic_duration_threshold_ch2_ms: targets.durationMs.CH2 ?? durationCh1,
    scoring_config_id: row.id,
    scoring_config_name: row.configuration_name,
  };
}
