// Profile registry: adding a profile = one new file + one line here.
import { GHOSTLY_V1 } from './ghostly-v1.js';
import { SENIAM_V1 } from './seniam-v1.js';
import type { ProcessingProfile } from './types.js';

export const DEFAULT_PROFILE_NAME = 'ghostly-v1';

const PROFILES: ReadonlyMap<string, ProcessingProfile> = new Map([
  [GHOSTLY_V1.name, GHOSTLY_V1],
  [SENIAM_V1.name, SENIAM_V1],
]);

/** Names of the registered profiles (for request validation). */
export const PROFILE_NAMES = ['ghostly-v1', 'seniam-v1'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

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
