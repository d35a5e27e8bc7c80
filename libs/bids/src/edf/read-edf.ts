/**
 * A small EDF(+) reader: the header and the physical values of ordinary signals. It exists to
 * check what writeEdf produced (tests, the dataset checker); the independent reader of the
 * tests is MNE.
 */
import { EdfError } from './errors.js';

export interface EdfSignalHeader {
  label: string;
  unit: string;
  physicalMin: number;
  physicalMax: number;
  digitalMin: number;
  digitalMax: number;
  samplesPerRecord: number;
}

export interface EdfHeader {
  version: string;
  patient: string;
  recording: string;
  startDate: string;
  startTime: string;
  headerBytes: number;
  reserved: string;
  records: number;
  recordDuration: number;
  signals: EdfSignalHeader[];
}

export function readEdfHeader(bytes: Uint8Array): EdfHeader {
  const text = (from: number, len: number) => String.fromCharCode(...bytes.subarray(from, from + len)).trim();
  if (bytes.length < 256 || text(0, 8) !== '0') throw new EdfError('not_edf', 'Not an EDF file');
  const ns = Number(text(252, 4));
  const headerBytes = Number(text(184, 8));
  if (!Number.isInteger(ns) || ns < 1 || headerBytes !== 256 * (ns + 1) || bytes.length < headerBytes)
    throw new EdfError('not_edf', 'EDF header size does not match its signal count');
  let at = 256;
  const column = (width: number): string[] => {
    const values = Array.from({ length: ns }, (_, i) => text(at + i * width, width));
    at += ns * width;
    return values;
  };
  const labels = column(16);
  column(80);
  const units = column(8);
  const pmin = column(8).map(Number);
  const pmax = column(8).map(Number);
  const dmin = column(8).map(Number);
  const dmax = column(8).map(Number);
  column(80);
  const spr = column(8).map(Number);
  return {
    version: text(0, 8),
    patient: text(8, 80),
    recording: text(88, 80),
    startDate: text(168, 8),
    startTime: text(176, 8),
    headerBytes,
    reserved: text(192, 44),
    records: Number(text(236, 8)),
    recordDuration: Number(text(244, 8)),
    signals: labels.map((label, i) => ({
      label,
      unit: units[i]!,
      physicalMin: pmin[i]!,
      physicalMax: pmax[i]!,
      digitalMin: dmin[i]!,
      digitalMax: dmax[i]!,
      samplesPerRecord: spr[i]!,
    })),
  };
}

/** Physical values of signal `index` over all data records (padding included). */
export function readEdfSignal(bytes: Uint8Array, index: number): Float64Array {
  const h = readEdfHeader(bytes);
  const s = h.signals[index];
  if (!s) throw new EdfError('not_edf', `No signal ${index}`);
  const recordBytes = 2 * h.signals.reduce((sum, x) => sum + x.samplesPerRecord, 0);
  const offset = 2 * h.signals.slice(0, index).reduce((sum, x) => sum + x.samplesPerRecord, 0);
  const gain = (s.physicalMax - s.physicalMin) / (s.digitalMax - s.digitalMin);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(h.records * s.samplesPerRecord);
  for (let r = 0; r < h.records; r++) {
    const base = h.headerBytes + r * recordBytes + offset;
    for (let k = 0; k < s.samplesPerRecord; k++) {
      out[r * s.samplesPerRecord + k] =
        (view.getInt16(base + 2 * k, true) - s.digitalMin) * gain + s.physicalMin;
    }
  }
  return out;
}
