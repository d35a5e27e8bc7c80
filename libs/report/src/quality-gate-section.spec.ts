// The signal-quality gate block of a session report: a failed gate names each failing channel with
// its reasons before the scores, a passed gate is one line with its warnings, no gate shows nothing.
import { describe, expect, it } from '@jest/globals';
import type { QualityGateReport } from '@app/analysis';
import type { SessionReportModel } from './model.js';
import { qualityGateSection } from './quality-gate-section.js';
import { renderSessionReport } from './session-report.js';

const FAILED: QualityGateReport = {
  passed: false,
  failing_channels: ['CH1'],
  message:
    'Scored on a channel that fails the signal-quality gate: CH1 (mains_interference). Treat the scores of this session with caution.',
  channels: {
    CH1: { passed: false, reasons: ['mains_interference:fail', 'dc_offset:warn'] },
    CH2: { passed: true, reasons: ['mains_interference:warn'] },
  },
};
const PASSED: QualityGateReport = {
  passed: true,
  failing_channels: [],
  message: null,
  channels: { CH1: { passed: true, reasons: [] }, CH2: { passed: true, reasons: ['clipping:warn'] } },
};

function model(gate: QualityGateReport | null | undefined): SessionReportModel {
  return {
    session_code: 'S1',
    patient_code: 'P1',
    file: { name: 'x.c3d', sha256: null, size_bytes: null },
    recorded_at: null,
    processed_at: null,
    game_metadata: {},
    channels: [],
    scores: null,
    profile: { name: 'seniam-v1', version: '1.0.0', description: null },
    parameters_requested: {},
    parameters_used: { session: null, processing: null },
    warnings: [],
    ...(gate === undefined ? {} : { quality_gate: gate }),
    generated_at: '2026-01-01T00:00:00.000Z',
    service_version: 'test',
  };
}

describe('qualityGateSection', () => {
  it('names each failing channel with its reasons, and the warnings of the channels that pass', () => {
    const html = qualityGateSection(FAILED);
    expect(html).toContain('class="quality-gate failed"');
    expect(html).toContain('Signal quality: failed');
    const failing = html.match(/<ul class="gate-failing">[\s\S]*?<\/ul>/)![0];
    expect(failing).toContain(
      '<li data-channel="CH1"><b>CH1</b>: mains interference (fail), dc offset (warn)</li>',
    );
    expect(failing).not.toContain('CH2');
    expect(html.match(/<ul class="gate-warnings">[\s\S]*?<\/ul>/)![0]).toContain(
      '<b>CH2</b>: mains interference (warn)',
    );
    expect(html).toContain('Treat the scores of this session with caution.');
  });

  it('is one "passed" line with the warnings when the gate passes', () => {
    const html = qualityGateSection(PASSED);
    expect(html).toContain('class="quality-gate passed"');
    expect(html).toContain(
      'Signal quality: passed, with warnings: <span data-channel="CH2"><b>CH2</b> clipping (warn)</span>',
    );
    expect(html).not.toContain('failed');
    expect(html).not.toContain('data-channel="CH1"');
    const clean = qualityGateSection({ ...PASSED, channels: { CH1: { passed: true, reasons: [] } } });
    expect(clean).toBe('<div class="quality-gate passed" data-gate="passed">Signal quality: passed.</div>');
  });

  it('escapes channel names and reasons', () => {
    const html = qualityGateSection({
      passed: false,
      failing_channels: ['<b>'],
      message: null,
      channels: { '<b>': { passed: false, reasons: ['a&b:fail'] } },
    });
    expect(html).toContain('<li data-channel="&lt;b&gt;"><b>&lt;b&gt;</b>: a&amp;b (fail)</li>');
  });

  it('is nothing without a gate (ghostly-v1)', () => {
    expect(qualityGateSection(null)).toBe('');
    expect(qualityGateSection(undefined)).toBe('');
  });
});

describe('renderSessionReport and the gate', () => {
  it('shows a failed gate at the top, before the warnings and the scores', () => {
    const html = renderSessionReport(model(FAILED));
    const gate = html.indexOf('class="quality-gate failed"');
    expect(gate).toBeGreaterThan(html.indexOf('</header>'));
    expect(gate).toBeLessThan(html.indexOf('<section class="warnings">'));
    expect(gate).toBeLessThan(html.indexOf('<section class="scores">'));
  });

  it('shows the passed line before the scores, and no block at all without a gate', () => {
    const passed = renderSessionReport(model(PASSED));
    expect(passed.indexOf('class="quality-gate passed"')).toBeGreaterThan(0);
    expect(passed.indexOf('class="quality-gate passed"')).toBeLessThan(
      passed.indexOf('<section class="scores">'),
    );
    for (const gate of [null, undefined]) {
      const html = renderSessionReport(model(gate));
      expect(html).not.toMatch(/<(div|section) class="quality-gate/);
      expect(html).not.toContain('Signal quality');
    }
  });
});
