import { type EmgSignalSet } from '@app/analysis';
import { packageVersion, renderSessionReport } from '@app/report/node';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { ScoringConfigService } from '../scoring-config/scoring-config.service.js';
import { AppError, ConflictError, NotFoundError } from '../shared/errors/app-error.js';
import { SessionQueries } from '../session/use-cases/session-queries.js';
import { SignalSetLoader } from '../signals/signal-set.loader.js';
import { type RenderedReport } from './dto/report-query.dto.js';
import { PdfService } from './pdf.service.js';
import { CONTENT_TYPE, type ReportFormat } from './report-format.js';
import { sessionReportModel } from './session-report.mapper.js';

/**
 * The report of one stored session. The session is read as the caller may see it (RLS: another
 * therapist's session is 404; a researcher's copy has no player name), its signals are
 * regenerated from the stored file, and the page is rendered as HTML or, from the same HTML, PDF.
 */
@Injectable()
export class SessionReportService {
  constructor(
    private readonly sessions: SessionQueries,
    private readonly signals: SignalSetLoader,
    private readonly pdf: PdfService,
    private readonly configs: ScoringConfigService,
  ) {}

  async render(
    user: AuthUser,
    sessionCode: string,
    format: ReportFormat,
    paper: 'a4' | 'letter' = 'a4',
  ): Promise<RenderedReport> {
    const detail = await this.sessions.get(user, sessionCode);
    if (detail.status !== 'completed') {
      throw new ConflictError(
        'not_ready',
        `Session ${detail.session_code} is ${detail.status}: its report exists once processing has completed`,
        { status: detail.status },
      );
    }
    let signals: EmgSignalSet | null = null;
    let signalProblem: string | null = null;
    try {
      signals = await this.signals.load(detail);
    } catch (error) {
      // the scores and tables are stored: a lost or unreadable file only costs the plots (storage
      // that is down for a moment is not lost: that stays a 503)
      if (!(error instanceof AppError) || (error.kind !== 'not_found' && error.kind !== 'unprocessable'))
        throw error;
      signalProblem = `The recording's signals could not be loaded (${error.code}): plots are left out.`;
    }
    const configId = detail.performance_scores?.scoring_config_id;
    const scoringConfigName = typeof configId === 'string' ? await this.configName(user, configId) : null;
    const html = renderSessionReport(
      sessionReportModel(detail, {
        signals,
        signalProblem,
        unit: 'V',
        scoringConfigName,
        generatedAt: new Date(),
        serviceVersion: packageVersion(),
      }),
    );
    const filename = `${detail.session_code}-report.${format}`;
    if (format === 'html') return { contentType: CONTENT_TYPE.html, body: html, filename };
    return { contentType: CONTENT_TYPE.pdf, body: await this.pdf.render(html, paper), filename };
  }

  /** The configuration's name; its id stays on the report when the caller may not read it. */
  private async configName(user: AuthUser, id: string): Promise<string | null> {
    try {
      return (await this.configs.get(user, id)).configuration_name;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
