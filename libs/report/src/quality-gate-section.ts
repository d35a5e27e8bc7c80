// seniam-v1's signal-quality gate at the top of a session report, before the scores: a session
// scored on a channel that fails the gate says so first. Nothing when the session has no gate
// (ghostly-v1).
import type { QualityGateReport } from '@app/analysis';
import { esc } from './html.js';

/** 'mains_interference:fail' -> 'mains interference (fail)'. */
function reasonText(reason: string): string {
  const [code = reason, severity] = reason.split(':');
  return `${code.replace(/_/g, ' ')}${severity ? ` (${severity})` : ''}`;
}

function channelLine(name: string, reasons: string[]): string {
  const text = reasons.length ? reasons.map(reasonText).join(', ') : 'no reason recorded';
  return `<li data-channel="${esc(name)}"><b>${esc(name)}</b>: ${esc(text)}</li>`;
}

export function qualityGateSection(gate: QualityGateReport | null | undefined): string {
  if (!gate) return '';
  const entries = Object.entries(gate.channels).sort(([a], [b]) => a.localeCompare(b));
  if (!gate.passed) {
    const failing = new Set(gate.failing_channels);
    const failed = entries.filter(([name, c]) => failing.has(name) || !c.passed);
    const others = entries.filter(([name, c]) => !failing.has(name) && c.passed && c.reasons.length);
    return (
      `<section class="quality-gate failed" data-gate="failed" role="alert">` +
      `<h2>Signal quality: failed</h2>` +
      `<p>${esc(gate.message ?? 'Scored on a channel that fails the signal-quality gate. Treat the scores of this session with caution.')}</p>` +
      `<ul class="gate-failing">${failed.map(([n, c]) => channelLine(n, c.reasons)).join('')}</ul>` +
      (others.length
        ? `<p class="muted">Warnings on channels that pass:</p><ul class="gate-warnings">${others.map(([n, c]) => channelLine(n, c.reasons)).join('')}</ul>`
        : '') +
      '</section>'
    );
  }
  const warned = entries.filter(([, c]) => c.reasons.length);
  return (
    `<div class="quality-gate passed" data-gate="passed">Signal quality: passed` +
    (warned.length
      ? `, with warnings: ${warned
          .map(
            ([n, c]) =>
              `<span data-channel="${esc(n)}"><b>${esc(n)}</b> ${esc(c.reasons.map(reasonText).join(', '))}</span>`,
          )
          .join('; ')}`
      : '') +
    '.</div>'
  );
}
