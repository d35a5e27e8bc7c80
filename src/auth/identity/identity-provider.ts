import type { UserRole } from '../../infrastructure/database/database.types.js';

export interface NewIdentity {
  email: string;
  password: string;
  metadata: Record<string, unknown>;
}

export interface SignInResult {
  accessToken: string;
  expiresIn: number;
  userId: string;
  email: string;
}

export interface IdentityProfile {
  role: UserRole;
  active: boolean;
}

/**
 * The identity seam: who holds accounts and passwords. Self-hosted accounts live in auth.users
 * with scrypt hashes; with Supabase configured, GoTrue does (through supabase-js's admin API).
 * Profiles (role, names, active) are ours in both cases and live in user_profiles.
 */
export abstract class IdentityProvider {
  abstract readonly kind: 'self-hosted' | 'supabase';
  /** Creates a confirmed account; ConflictError `email_taken` if the e-mail is in use. */
  abstract createUser(identity: NewIdentity): Promise<{ id: string; email: string }>;
  abstract deleteUser(id: string): Promise<void>;
  abstract setPassword(id: string, password: string): Promise<void>;
  /** UnauthorizedError `invalid_credentials` on a wrong e-mail or password. */
  abstract signIn(email: string, password: string): Promise<SignInResult>;
}
