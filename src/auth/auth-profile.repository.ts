import { Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { DB, UserRole } from '../infrastructure/database/database.types.js';

export interface AuthProfile {
  role: UserRole;
  active: boolean;
  email: string | null;
}

/** What authentication reads and writes of user_profiles, always in a named service context. */
@Injectable()
export class AuthProfileRepository {
  async find(db: Kysely<DB>, userId: string): Promise<AuthProfile | undefined> {
    return db
      .selectFrom('user_profiles as p')
      .leftJoin('auth.users as u', 'u.id', 'p.id')
      .select(['p.role', 'p.active', 'u.email'])
      .where('p.id', '=', userId)
      .executeTakeFirst();
  }

  async activeAdminExists(db: Kysely<DB>): Promise<boolean> {
    const row = await db
      .selectFrom('user_profiles')
      .select('id')
      .where('role', '=', 'admin')
      .where('active', '=', true)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertAdmin(trx: Tx, id: string): Promise<void> {
    await trx
      .insertInto('user_profiles')
      .values({ id, role: 'admin', first_name: 'Bootstrap', last_name: 'Admin', access_level: 'full' })
      .execute();
  }

  async touchLastLogin(trx: Tx, id: string): Promise<void> {
    await trx.updateTable('user_profiles').set({ last_login: new Date() }).where('id', '=', id).execute();
  }
}
