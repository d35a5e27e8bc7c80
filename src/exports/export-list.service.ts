import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { pick } from '../shared/objects/pick.js';
import { type Page, pageRequest, toKeysetPage } from '../shared/pagination/page.dto.js';
import type { ExportJobDto } from './dto/export-job.dto.js';
import type { ListExportsQueryDto } from './dto/export-request.dto.js';
import { toExportJobDto } from './export-job.mapper.js';
import { ExportsRepository } from './exports.repository.js';

/**
 * GET /exports: the caller's recorded exports of every scope (a session's or patient's export is
 * answered at once and listed without a download; a cohort export's ZIP is downloadable once
 * completed). Row-level security decides what is the caller's own.
 */
@Injectable()
export class ExportListService {
  constructor(
    private readonly db: DbContext,
    private readonly exports: ExportsRepository,
  ) {}

  list(user: AuthUser, query: ListExportsQueryDto): Promise<Page<ExportJobDto>> {
    const page = pageRequest(query);
    return this.db.asUser(user, async (trx) =>
      toKeysetPage(
        await this.exports.list(trx, pick(query, ['scope', 'status', 'format']), page),
        toExportJobDto,
        query,
      ),
    );
  }
}
