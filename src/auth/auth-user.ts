import type { DbCaller } from '../infrastructure/database/db-context.js';
import type { UserRole } from '../infrastructure/database/database.types.js';

/**
 * The authenticated caller, attached to the request by the global guard. It is a DbCaller, so
 * services pass it straight to `dbContext.asUser(user, ...)`.
 */
export interface AuthUser extends DbCaller {
  id: string;
  email: string | null;
  /** From user_profiles (never from the token), active users only. */
  role: UserRole;
  /** The verified JWT claims, Supabase's shape. */
  claims: Record<string, unknown>;
}
