/**
 * The dataset-level files of an EMG-BIDS export: dataset_description.json, participants.tsv and
 * .json, README (with a line per value written as n/a), and the derivative dataset's
 * description. Written after the sessions, so that a streamed export knows every participant.
 */
import { BIDS_VERSION, PIPELINE } from './names.js';
import { json, type BidsFile } from './session.js';
import { EDF_UNIT } from './session-channels.js';
import { toTsv } from './tsv.js';

export interface BidsParticipant {
  /** The label without "sub-". */
  subject: string;
  ageGroup?: string | null;
  sex?: string | null;
}

export interface BidsDatasetInput {
  name: string;
  generatedBy: { name: string; version: string; description?: string };
  participants: BidsParticipant[];
  /** Field -> why it is n/a (merged from every session). */
  unknowns: Record<string, string>;
  /** Extra README paragraphs (e.g. pseudonymisation). */
  notes?: string[];
  /** Sessions whose EDF got padding samples (count), for the README. */
  paddedSessions?: number;
}

const SEX: Record<string, string> = { M: 'M', F: 'F', NB: 'O', NS: 'n/a' };

const ages = {
  '18-30': '18 to 30 years',
  '31-50': '31 to 50 years',
  '51-70': '51 to 70 years',
  '71+': '71 years or more',
};

/** The participants.tsv columns, in order, as participants.json describes them. */
const PARTICIPANT_COLUMNS = {
  participant_id: { Description: 'Participant label (a pseudonym unless the export says otherwise)' },
  age_group: { Description: 'Age group recorded for the patient', Levels: ages },
  sex: { Description: 'Sex recorded for the patient', Levels: { M: 'male', F: 'female', O: 'other' } },
};

export function bidsDatasetFiles(input: BidsDatasetInput): BidsFile[] {
  const generatedBy = [
    {
      Name: input.generatedBy.name,
      Version: input.generatedBy.version,
      ...(input.generatedBy.description ? { Description: input.generatedBy.description } : {}),
    },
  ];
  const participants = [...input.participants].sort((a, b) => a.subject.localeCompare(b.subject));
  const readme = [
    `# ${input.name}`,
    '',
    'Surface EMG sessions exported by the emg-c3d service as EMG-BIDS (BIDS ' + BIDS_VERSION + ').',
    '',
    '## Data',
    '',
    `- sub-*/ses-*/emg/*_emg.edf: EDF+C, the raw EMG channels in ${EDF_UNIT} (16-bit; the physical range of each`,
    '  channel is its own minimum and maximum, so one digital step is the range / 65535). Derived channels',
    '  of the source files (e.g. "activated" envelopes) are not included.',
    '- Source files without an analog unit are taken as volts, as the analysis does, and written in microvolts.',
    '- EDF data records are whole seconds (or a fraction that holds whole samples): when the recording is',
    '  not a whole number of records long, the last record is completed with zeros after the end;',
    '  RecordingDuration in _emg.json gives the true length.',
    `- derivatives/${PIPELINE}/: per session, each contraction the analysis detected (onset, duration, flags)`,
    '  in _events.tsv, with the game metadata of the recording in the _events.json sidecar.',
    ...(input.paddedSessions
      ? [`- ${input.paddedSessions} session(s) have padding in their last EDF record.`]
      : []),
    '',
    '## Values written as n/a',
    '',
    ...(Object.keys(input.unknowns).length
      ? Object.entries(input.unknowns)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([field, why]) => `- ${field}: n/a. ${why}`)
      : ['- none']),
    ...(input.notes?.length ? ['', '## Notes', '', ...input.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
  return [
    {
      path: 'dataset_description.json',
      data: json({
        Name: input.name,
        BIDSVersion: BIDS_VERSION,
        DatasetType: 'raw',
        GeneratedBy: generatedBy,
      }),
    },
    { path: 'README', data: readme },
    {
      path: 'participants.tsv',
      data: toTsv(
        Object.keys(PARTICIPANT_COLUMNS),
        participants.map((p) => [
          `sub-${p.subject}`,
          p.ageGroup ?? null,
          p.sex ? (SEX[p.sex] ?? null) : null,
        ]),
      ),
    },
    {
      path: 'participants.json',
      data: json(PARTICIPANT_COLUMNS),
    },
    {
      path: `derivatives/${PIPELINE}/dataset_description.json`,
      data: json({
        Name: `${input.name}: detected contractions`,
        BIDSVersion: BIDS_VERSION,
        DatasetType: 'derivative',
        GeneratedBy: generatedBy,
      }),
    },
  ];
}
