import type { Selectable } from 'kysely';
import type { UserProfilesTable } from '../../infrastructure/database/database.types.js';
import type { UserDto } from './user-response.dto.js';

export type ProfileRow = Selectable<UserProfilesTable> & { email: string | null };

export function fullName(first: string | null, last: string | null): string {
  const name = [first, last].filter((p) => p && p.trim()).join(' ');
  return name || 'Unknown User';
}

export function maskPassword(password: string): string {
  if (password.length <= 4) return '****';
  return password.slice(0, 2) + '*'.repeat(password.length - 4) + password.slice(-2);
}

export function toUserDto(row: ProfileRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    user_code: row.user_code,
    first_name: row.first_name,
    last_name: row.last_name,
    full_name: fullName(row.first_name, row.last_name),
    institution: row.institution,
    department: row.department,
    access_level: row.access_level,
    active: row.active,
    last_login: row.last_login ? row.last_login.toISOString() : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
