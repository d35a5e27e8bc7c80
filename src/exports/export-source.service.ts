import { Injectable } from '@nestjs/common';
import { DbContext, type DbCaller } from '../infrastructure/database/db-context.js';
import { ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { objectPathOf } from '../session/storage-path.js';
import { ExportDataRepository, type ExportFilter } from './export-data.repository.js';
import type { C3dLoader } from './use-cases/write-bids.js';
import type { SessionPage, SessionPages } from './use-cases/session-pages.js';

/** Sessions per keyset page: what an export holds in memory at once (with their rows). */
export const EXPORT_PAGE = 200;

/**
 * What every export reads: pages of sessions under the caller's row-level security (each page
 * its own short transaction, so a long export holds no transaction open) and the C3D files.
 */
@Injectable()
export class ExportSourceService {
  constructor(
    private readonly db: DbContext,
    private readonly data: ExportDataRepository,
    private readonly storage: ObjectStorage,
  ) {}

  pages(caller: DbCaller, filter: ExportFilter, pageSize = EXPORT_PAGE): SessionPages {
    const { db, data } = this;
    return async function* (wants) {
      let after: string | null = null;
      for (;;) {
        const page: SessionPage = await db.asUser(caller, async (trx) => {
          const sessions = await data.sessionsPage(trx, filter, after, pageSize);
          const ids = sessions.map((s) => s.id);
          return {
            sessions,
            statistics: wants.statistics ? await data.statistics(trx, ids) : [],
            contractions: wants.contractions ? await data.contractions(trx, ids) : [],
          };
        });
        if (page.sessions.length === 0) return;
        yield page;
        if (page.sessions.length < pageSize) return;
        after = page.sessions[page.sessions.length - 1]!.session_code;
      }
    };
  }

  count(caller: DbCaller, filter: ExportFilter): Promise<number> {
    return this.db.asUser(caller, (trx) => this.data.countSessions(trx, filter));
  }

  c3dLoader(): C3dLoader {
    return (row) => this.storage.get(objectPathOf(row.file_path, this.storage.bucket));
  }
}
