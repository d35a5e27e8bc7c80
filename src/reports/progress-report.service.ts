import { packageVersion, renderProgressReport, type ProgressSession } from '@app/report/node';
import { GHOSTLY_TRIAL_DEFAULT } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { PatientService } from '../patient/patient.service.js';
import { type RenderedReport } from './dto/report-query.dto.js';
import { PdfService } from './pdf.service.js';
import { CONTENT_TYPE, type ReportFormat } from './report-format.js';
import { ReportsRepository } from './reports.repository.js';

/** Expected sessions per week of the GHOSTLY protocol (as the adherence score counts them). */
const SESSIONS_PER_WEEK = 15;

/**
 * A patient's progress over their sessions. The patient and every session row are read under the
 * caller's RLS (another therapist's patient is 404). The report names the patient by code only:
 * no name or medical information, for any role.
 */
@Injectable()
export class ProgressReportService {
  constructor(
    private readonly db: DbContext,
    private readonly patients: PatientService,
    private readonly reports: ReportsRepository,
    private readonly pdf: PdfService,
  ) {}

  async render(
    user: AuthUser,
    patientCode: string,
    format: ReportFormat,
    paper: 'a4' | 'letter' = 'a4',
  ): Promise<RenderedReport> {
    const patient = await this.patients.get(user, patientCode);
    const adherence = await this.patients.adherence(user, patient.patient_code);
    const sessions = await this.db.asUser(user, async (trx) => {
      const [rows, stats] = await Promise.all([
        this.reports.sessionsOf(trx, patient.id),
        this.reports.channelStatsOf(trx, patient.id),
      ]);
      return rows.map((r): ProgressSession => {
        const channels = stats
          .filter((s) => s.session_id === r.id)
          .map((s, k) => ({
            name: s.channel_name,
            contractions: s.total_contractions,
            good: s.good_contractions,
            expected:
              (k === 0 ? r.target_contractions_ch1 : k === 1 ? r.target_contractions_ch2 : null) ?? null,
            mvc_value: s.mvc_value,
            mvc_threshold: s.mvc75_threshold,
          }));
        return {
          session_code: r.session_code,
          date: new Date(r.date).toISOString(),
          status: r.processing_status,
          overall_score: r.overall_score,
          compliance_score: r.compliance_score,
          symmetry_score: r.symmetry_score,
          effort_score: r.effort_score,
          channels,
        };
      });
    });
    const html = renderProgressReport({
      patient_code: patient.patient_code,
      treatment_start_date: patient.treatment_start_date,
      total_sessions_planned: patient.total_sessions_planned,
      expected_contractions_default: GHOSTLY_TRIAL_DEFAULT.expectedContractionsPerMuscle,
      mvc_targets: { CH1: patient.current_mvc75_ch1, CH2: patient.current_mvc75_ch2 },
      adherence: {
        protocol_day: adherence.protocol_day,
        adherence_score: adherence.adherence_score,
        completed_sessions: adherence.completed_sessions,
        expected_sessions: adherence.expected_sessions,
        category: adherence.category as 'Excellent' | 'Good' | 'Moderate' | 'Poor' | null,
        interpretation: adherence.interpretation,
        trial_duration: adherence.trial_duration,
        message: adherence.message,
      },
      sessions_per_week: SESSIONS_PER_WEEK,
      sessions,
      unit: 'V',
      generated_at: new Date().toISOString(),
      service_version: packageVersion(),
    });
    const filename = `${patient.patient_code}-progress.${format}`;
    if (format === 'html') return { contentType: CONTENT_TYPE.html, body: html, filename };
    return { contentType: CONTENT_TYPE.pdf, body: await this.pdf.render(html, paper), filename };
  }
}
