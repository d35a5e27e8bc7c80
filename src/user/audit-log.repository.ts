import { Injectable } from '@nestjs/common';
import type { Tx } from '../infrastructure/database/db-context.js';

export interface AuditEntry {
  userId: string;
  userRole: string;
  action: string;
  tableName: string;
  recordId: string | null;
  changes: Record<string, unknown>;
}

/** The append-only audit trail. Written in the same transaction as the change it records. */
@Injectable()
export class AuditLogRepository {
  async append(trx: Tx, entry: AuditEntry): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({
        user_id: entry.userId,
        user_role: entry.userRole,
        action: entry.action,
        table_name: entry.tableName,
        record_id: entry.recordId,
        changes: JSON.stringify(entry.changes),
      })
      .execute();
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
