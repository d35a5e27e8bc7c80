import type { UserRole } from '../infrastructure/database/database.types.js';
import { ForbiddenError } from '../shared/errors/app-error.js';

/**
 * Whether an export is pseudonymised: always for researchers (asking otherwise is refused, not
 * silently ignored), as asked for admins and therapists, else the scope's default.
 */
export function pseudonymiseFor(role: UserRole, requested: boolean | undefined, byDefault: boolean): boolean {
  if (role === 'researcher') {
    if (requested === false)
      throw new ForbiddenError('pseudonymisation_required', 'Researchers receive pseudonymised exports only');
    return true;
  }
  return requested ?? byDefault;
}
