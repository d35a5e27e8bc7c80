import { describe, expect, it } from '@jest/globals';
import type { SessionExportRow, StatisticsRow } from '../export-data.repository.js';
import { parseCsv } from '../tables/csv.js';
import { Pseudonymiser } from '../tables/pseudonymiser.js';
import type { SessionPages } from './session-pages.js';
import { writeCsvTable } from './write-tables.js';

/** Two sessions whose ids sort the other way round from their codes, as random UUIDs may. */
const sessions = [
  { id: 'f0000000-0000-4000-8000-000000000000', session_code: 'P001S001', channel_muscle_mapping: null },
  { id: '10000000-0000-4000-8000-000000000000', session_code: 'P001S002', channel_muscle_mapping: null },
].map((s) => ({ ...s, patient_id: 'p', patient_code: 'P001' }) as unknown as SessionExportRow);

/** The statistics as the repository returns them: by session id, then channel. */
const statistics = [sessions[1]!, sessions[0]!].flatMap((s) =>
  ['CH1', 'CH2'].map((channel_name) => ({ session_id: s.id, channel_name }) as StatisticsRow),
);

const pages: SessionPages = async function* () {
  yield { sessions, statistics, contractions: [] };
};

describe('writeCsvTable', () => {
  it('writes channel rows in the sessions’ order (session code), not in the order of their ids', async () => {
    let text = '';
    await writeCsvTable(async (s) => void (text += s), 'channels', pages, Pseudonymiser.forExport(false));
    expect(
      parseCsv(text)
        .slice(1)
        .map((r) => `${r[0]} ${r[1]}`),
    ).toEqual(['P001S001 CH1', 'P001S001 CH2', 'P001S002 CH1', 'P001S002 CH2']);
  });
});
