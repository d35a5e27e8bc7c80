import { Injectable } from '@nestjs/common';
import { sql, type Insertable, type Updateable } from 'kysely';
import { countRows } from '../shared/pagination/count-rows.js';
import type { PageRequest } from '../shared/pagination/page.dto.js';
import {
  afterTimeId,
  decodeTimeIdCursor,
  keysetSlice,
  utcText,
} from '../shared/pagination/time-id-keyset.js';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { UserProfilesTable, UserRole } from '../infrastructure/database/database.types.js';
import type { ProfileRow } from './dto/user.mapper.js';

const THERAPIST_COLUMNS = ['p.id', 'p.first_name', 'p.last_name', 'p.user_code', 'p.role'] as const;

/**
 * SQL on user_profiles, under the caller's RLS. E-mails come from public.admin_user_emails(),
 * which returns rows to admins only, so non-admin reads get a null e-mail.
 */
@Injectable()
export class UserProfileRepository {
  private withEmail(trx: Tx) {
    return trx
      .selectFrom('user_profiles as p')
      .leftJoin(sql<{ id: string; email: string }>`public.admin_user_emails()`.as('e'), 'e.id', 'p.id')
      .selectAll('p')
      .select('e.email');
  }

  async findById(trx: Tx, id: string): Promise<ProfileRow | undefined> {
    return this.withEmail(trx).where('p.id', '=', id).executeTakeFirst();
  }

  /** Oldest first (created_at, id); keyset on both. */
  async list(trx: Tx, filter: { role?: UserRole }, page: PageRequest) {
    let base = trx.selectFrom('user_profiles as p');
    if (filter.role) base = base.where('p.role', '=', filter.role);
    let rowsQuery = this.withEmail(trx).select(utcText('p.created_at').as('cursor_at'));
    if (filter.role) rowsQuery = rowsQuery.where('p.role', '=', filter.role);
    if (page.cursor !== undefined) {
      rowsQuery = rowsQuery.where(
        afterTimeId('p.created_at', 'p.id', decodeTimeIdCursor(page.cursor), 'asc', 'asc'),
      );
    }
    const [rows, counted] = await Promise.all([
      rowsQuery
        .orderBy('p.created_at')
        .orderBy('p.id')
        .limit(page.limit + 1)
        .offset(page.cursor === undefined ? page.offset : 0)
        .execute(),
      countRows(trx, base, page.count),
    ]);
    return { ...keysetSlice(rows, page.limit, (r) => [r.cursor_at, r.id]), ...counted };
  }

  async insert(trx: Tx, values: Insertable<UserProfilesTable>): Promise<void> {
    await trx.insertInto('user_profiles').values(values).execute();
  }

  async update(trx: Tx, id: string, patch: Updateable<UserProfilesTable>): Promise<boolean> {
    const res = await trx.updateTable('user_profiles').set(patch).where('id', '=', id).executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  /** True when the id is an active therapist's profile (as far as the caller may see). */
  async isActiveTherapist(trx: Tx, userId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('user_profiles')
      .select('id')
      .where('id', '=', userId)
      .where('role', '=', 'therapist')
      .where('active', '=', true)
      .executeTakeFirst();
    return row !== undefined;
  }

  async findTherapistById(trx: Tx, id: string) {
    return trx
      .selectFrom('user_profiles as p')
      .select(THERAPIST_COLUMNS)
      .where('p.id', '=', id)
      .where('p.role', '=', 'therapist')
      .executeTakeFirst();
  }

  /** The therapists of the patients among `patientCodes` the caller can see (RLS on patients decides). */
  async findTherapistsOfPatients(trx: Tx, patientCodes: readonly string[]) {
    if (patientCodes.length === 0) return [];
    return trx
      .selectFrom('patients as pt')
      .innerJoin('user_profiles as p', 'p.id', 'pt.therapist_id')
      .select([...THERAPIST_COLUMNS, 'pt.patient_code'])
      .where('pt.patient_code', 'in', patientCodes)
      .execute();
  }
}
