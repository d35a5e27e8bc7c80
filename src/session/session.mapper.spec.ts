import { describe, expect, it } from '@jest/globals';
import type { Selectable } from 'kysely';
import type { EmgStatisticsTable } from '../infrastructure/database/database.types.js';
import { parametersReport } from './session.mapper.js';

const stat = (channel_name: string, analytics: Record<string, unknown>) =>
  ({
    channel_name,
    analytics,
    processing_parameters: { threshold_factor: 0.1, min_duration_ms: 100, smoothing_window: 100 },
  }) as unknown as Selectable<EmgStatisticsTable>;

describe('parametersReport: requested vs used', () => {
  it('names the threshold factor an activated channel used instead of the requested one, and why', () => {
    const requested = { processing_options: { threshold_factor: 0.1 }, session_params: {} };
    const r = parametersReport(requested, [
      stat('CH1', { timing_source: 'activated', threshold_factor_used: 0.05 }),
      stat('CH2', { timing_source: 'activated', threshold_factor_used: 0.05 }),
    ]);
    expect(r.requested).toBe(requested);
    expect(r.used).toEqual({ threshold_factor: 0.1, min_duration_ms: 100, smoothing_window: 100 });
    expect(r.notes.map((n) => [n.parameter, n.channel, n.requested, n.used])).toEqual([
      ['threshold_factor', 'CH1', 0.1, 0.05],
      ['threshold_factor', 'CH2', 0.1, 0.05],
    ]);
    expect(r.notes[0]!.reason).toContain('"activated" signal');
  });

  it('near miss: a channel timed on its envelope with the requested factor has no note', () => {
    const r = parametersReport({ processing_options: { threshold_factor: 0.1 } }, [
      stat('CH1', { timing_source: 'envelope', threshold_factor_used: 0.1 }),
    ]);
    expect(r.notes).toEqual([]);
  });

  it('not requested: compared with the default the analysis used, requested shown as null', () => {
    const r = parametersReport({}, [
      stat('CH1', { timing_source: 'activated', threshold_factor_used: 0.05 }),
    ]);
    expect(r.notes).toMatchObject([{ requested: null, used: 0.05 }]);
  });
});
