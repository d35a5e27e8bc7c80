/**
 * An EMG-BIDS dataset into a ZIP, one session at a time: its C3D file is read from storage,
 * turned into the session's BIDS files (EDF+ and sidecars, stored contractions as events), and
 * dropped before the next. The dataset files (participants, README) come last, when every
 * participant and every n/a is known.
 */
import {
  bidsContraction,
  bidsDatasetFiles,
  bidsInputFromC3d,
  bidsSessionFiles,
  type BidsContraction,
  type BidsParticipant,
} from '@app/bids';
import { readC3d } from '@app/c3d';
import type { ContractionRow, SessionExportRow } from '../export-data.repository.js';
import type { ZipWriter } from '../artifact/zip-writer.js';
import { sessionNumber, type Pseudonymiser } from '../tables/pseudonymiser.js';
import { bySession, type ProgressFn, type SessionPages } from './session-pages.js';
import type { ExportMeta } from './write-tables.js';

export type C3dLoader = (row: SessionExportRow) => Promise<Uint8Array>;

export interface BidsCounts {
  sessions: number;
  files: number;
  contractions: number;
}

function contractionsOf(rows: ContractionRow[]): BidsContraction[] {
  return rows.map((c) => bidsContraction(c.channel_name, c));
}

export async function writeBidsZip(
  zip: ZipWriter,
  pages: SessionPages,
  p: Pseudonymiser,
  meta: ExportMeta,
  loadC3d: C3dLoader,
  progress?: ProgressFn,
): Promise<BidsCounts> {
  const participants = new Map<string, BidsParticipant>();
  const unknowns: Record<string, string> = {};
  const counts: BidsCounts = { sessions: 0, files: 0, contractions: 0 };
  let padded = 0;
  for await (const page of pages({ statistics: false, contractions: true })) {
    const contractions = bySession(page.contractions);
    for (const row of page.sessions) {
      const subject = p.patient(row.patient_id, row.patient_code);
      participants.set(subject, { subject, ageGroup: row.age_group, sex: row.gender });
      const c3d = readC3d(await loadC3d(row));
      const events = contractionsOf(contractions.get(row.id) ?? []);
      const input = bidsInputFromC3d(c3d, {
        subject,
        session: sessionNumber(row.session_code),
        contractions: events,
        muscles: row.channel_muscle_mapping,
      });
      const out = bidsSessionFiles(input);
      Object.assign(unknowns, out.unknowns);
      if (out.edfPadding > 0) padded++;
      for (const f of out.files) await zip.file(f.path, f.data);
      counts.files += out.files.length;
      counts.contractions += events.length;
      counts.sessions++;
    }
    await progress?.(counts.sessions);
  }
  const notes = [
    `Export ${meta.id} (${meta.scope}) generated ${meta.generated_at} by emg-c3d-service ${meta.service_version}.`,
    meta.pseudonymised
      ? 'Participant labels are pseudonyms made for this export only; they differ from one export to the next.'
      : 'Participant labels are the patient codes of the service (not pseudonymised).',
    'Session labels are the session numbers of the service (P001S003 -> ses-003).',
    'The game metadata in the events sidecars never holds the player name or the therapist id.',
  ];
  const top = bidsDatasetFiles({
    name: `emg-c3d export ${meta.id}`,
    generatedBy: { name: 'emg-c3d-service', version: meta.service_version },
    participants: [...participants.values()],
    unknowns,
    notes,
    paddedSessions: padded,
  });
  for (const f of top) await zip.file(f.path, f.data);
  counts.files += top.length;
  return counts;
}
