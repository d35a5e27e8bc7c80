// Profile registry: adding a profile = one new file + one line here.
import { GHOSTLY_V1 } from './ghostly-v1.js';
import type { ProcessingProfile } from './types.js';

export const DEFAULT_PROFILE_NAME = 'ghostly-v1';

const PROFILES: ReadonlyMap<string, ProcessingProfile> = new Map([[GHOSTLY_V1.name, GHOSTLY_V1]]);

export class UnknownProfileError extends Error {
  readonly code = 'unknown_profile';
  constructor(readonly profile: string) {
    super(`unknown processing profile "${profile}" (known: ${[...PROFILES.keys()].join(', ')})`);
    this.name = 'UnknownProfileError';
  }
}

export function getProcessingProfile(name: string = DEFAULT_PROFILE_NAME): ProcessingProfile {
  const p = PROFILES.get(name);
  if (!p) throw new UnknownProfileError(name);
  return p;
}

export function listProcessingProfiles(): string[] {
  return [...PROFILES.keys()];
}
