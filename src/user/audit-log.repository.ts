import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { AuthUser } from '../auth/auth-user.js';
import type { Tx } from '../infrastructure/database/db-context.js';

export interface AuditEntry {
  userId: string;
  userRole: string;
  action: string;
  tableName: string;
  recordId: string | null;
  changes: Record<string, unknown>;
}

/** An admin's action on a user profile, as its audit entry. */
export function userProfileEntry(
  admin: AuthUser,
  action: string,
  recordId: string,
  changes: Record<string, unknown>,
): AuditEntry {
  return { userId: admin.id, userRole: admin.role, action, tableName: 'user_profiles', recordId, changes };
}

/** The append-only audit trail. Written in the same transaction as the change it records. */
@Injectable()
export class AuditLogRepository {
  /**
   * Through append_audit_entry(), which sets who, in which role and when from the caller's
   * session itself (clients cannot forge those); userId and userRole are the same caller's.
   */
  async append(trx: Tx, entry: AuditEntry): Promise<void> {
    await sql`select public.append_audit_entry(${entry.action}, ${entry.tableName}, ${entry.recordId}::uuid, ${JSON.stringify(entry.changes)}::jsonb)`.execute(
      trx,
    );
  }

  async listForRecord(trx: Tx, tableName: string, recordId: string, limit: number) {
    return trx
      .selectFrom('audit_log')
      .selectAll()
      .where('table_name', '=', tableName)
      .where('record_id', '=', recordId)
      .orderBy('timestamp', 'desc')
      .limit(limit)
      .execute();
  }
}
