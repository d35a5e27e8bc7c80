// @app/report: session and patient progress reports as self-contained HTML with server-side SVG
// plots. Pure string building over typed arrays; the PDF renderer is in @app/report/node.
export {
  CLASS_LABEL,
  contractionClass,
  type ContractionClass,
  type ReportChannel,
  type ReportScores,
  type ReportSignal,
  type ReportWarning,
  type SessionReportModel,
} from './model.js';
export { renderSessionReport } from './session-report.js';
export {
  channelSignal,
  collectWarnings,
  scoresFromAnalysis,
  sessionReportFromAnalysis,
  type FromAnalysisOptions,
} from './from-analysis.js';
export { channelPlotSvg, PLOT_AREA } from './signal-plot.js';
export {
  adherenceByDay,
  renderProgressReport,
  type ProgressChannel,
  type ProgressReportModel,
  type ProgressSession,
} from './progress-report.js';
export { analogUnit } from './units.js';
