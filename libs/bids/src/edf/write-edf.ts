/**
 * EDF+C writer: 16-bit signals plus the "EDF Annotations" channel, as the EDF+ specification
 * (Kemp & Olivan 2003) lays them out. Physical min/max are written first (8 ASCII characters)
 * and quantisation uses the values read back from those characters, so a reader that applies
 * the header's linear map gets every sample within half a digital step.
 */
import { EdfError } from './errors.js';

export interface EdfSignal {
  /** Label, up to 16 ASCII characters (e.g. "CH1"). */
  label: string;
  /** Physical dimension, up to 8 characters (e.g. "uV"). */
  unit: string;
  /** Samples in that unit; every signal of a file shares the sampling rate. */
  samples: Float64Array;
  transducer?: string;
  prefiltering?: string;
}

export interface EdfAnnotation {
  /** Seconds from the start of the recording. */
  onset: number;
  /** Seconds; omitted for an instant. */
  duration?: number;
  text: string;
}

export interface EdfRecording {
  /** EDF+ patient field subfields: code, sex (M/F/X), birthdate (dd-MMM-yyyy or X), name (X). */
  patient: { code: string; sex?: string; birthdate?: string; name?: string };
  /** Recording start (local time as recorded); undefined writes the EDF+ "unknown date" 01.01.85. */
  start?: Date;
  /** Free equipment/technician words of the recording field (spaces become '_'). */
  equipment?: string;
  samplingRate: number;
  signals: EdfSignal[];
  annotations?: EdfAnnotation[];
}

export interface EdfLayout {
  recordDuration: number;
  samplesPerRecord: number;
  records: number;
  /** Samples added after the end of the recording to complete the last data record. */
  padding: number;
}

const DIGITAL_MIN = -32768;
const DIGITAL_MAX = 32767;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const ANNOTATION_LABEL = 'EDF Annotations';

/** Record durations tried in order: the first that holds a whole number of samples wins. */
const RECORD_DURATIONS = [1, 2, 5, 10, 0.5, 0.25, 0.2, 0.1, 20, 50, 100];

export function edfLayout(samplingRate: number, samples: number): EdfLayout {
  if (!(samplingRate > 0) || !Number.isFinite(samplingRate))
    throw new EdfError('invalid_rate', `Sampling rate ${samplingRate} is not a positive number`);
  for (const d of RECORD_DURATIONS) {
    const n = samplingRate * d;
    if (Math.abs(n - Math.round(n)) < 1e-9 && Math.round(n) >= 1) {
      const samplesPerRecord = Math.round(n);
      const records = Math.max(1, Math.ceil(samples / samplesPerRecord));
      return { recordDuration: d, samplesPerRecord, records, padding: records * samplesPerRecord - samples };
    }
  }
  throw new EdfError(
    'invalid_rate',
    `No EDF record duration holds a whole number of samples at ${samplingRate} Hz`,
  );
}

/** The shortest decimal text of `value` within 8 characters, rounded away from the data. */
export function edfNumber(value: number, direction: 'up' | 'down'): string {
  if (!Number.isFinite(value)) throw new EdfError('invalid_range', `Not a finite number: ${value}`);
  for (let decimals = 8; decimals >= 0; decimals--) {
    const scale = 10 ** decimals;
    const rounded =
      (direction === 'up' ? Math.ceil(value * scale - 1e-9) : Math.floor(value * scale + 1e-9)) / scale;
    const text = trimNumber(rounded.toFixed(decimals));
    if (text.length <= 8) return text;
  }
  throw new EdfError('invalid_range', `${value} does not fit the 8 characters of an EDF number field`);
}

function trimNumber(text: string): string {
  const t = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return t === '-0' ? '0' : t;
}

/** Physical range written for a signal: its extremes rounded outward; a flat signal gets +-1. */
export function physicalRange(samples: Float64Array): { min: string; max: string } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of samples) {
    if (!Number.isFinite(v)) throw new EdfError('invalid_sample', 'Signals must hold finite numbers only');
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || lo === hi) {
    const c = Number.isFinite(lo) ? lo : 0;
    return { min: edfNumber(c - 1, 'down'), max: edfNumber(c + 1, 'up') };
  }
  return { min: edfNumber(lo, 'down'), max: edfNumber(hi, 'up') };
}

/** The linear map of the header: physical = (digital - dmin) * gain + pmin. */
export function quantize(value: number, pmin: number, pmax: number): number {
  const gain = (pmax - pmin) / (DIGITAL_MAX - DIGITAL_MIN);
  const d = Math.round((value - pmin) / gain + DIGITAL_MIN);
  return Math.min(DIGITAL_MAX, Math.max(DIGITAL_MIN, d));
}

export function resolutionOf(pmin: number, pmax: number): number {
  return (pmax - pmin) / (DIGITAL_MAX - DIGITAL_MIN);
}

function ascii(text: string, width: number): string {
  // EDF header fields are printable US-ASCII, left-aligned and space-padded.
  const clean = text.replace(/[^\x20-\x7e]/g, '_');
  if (clean.length > width) return clean.slice(0, width);
  return clean.padEnd(width, ' ');
}

function word(text: string | undefined): string {
  const t = (text ?? '').trim().replace(/\s+/g, '_');
  return t.length ? t : 'X';
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function headerDates(start: Date | undefined): { date: string; time: string; startdate: string } {
  if (!start || Number.isNaN(start.getTime())) return { date: '01.01.85', time: '00.00.00', startdate: 'X' };
  const y = start.getUTCFullYear();
  if (y < 1985 || y > 2084) throw new EdfError('invalid_date', `EDF cannot store the year ${y}`);
  return {
    date: `${pad2(start.getUTCDate())}.${pad2(start.getUTCMonth() + 1)}.${pad2(y % 100)}`,
    time: `${pad2(start.getUTCHours())}.${pad2(start.getUTCMinutes())}.${pad2(start.getUTCSeconds())}`,
    startdate: `${pad2(start.getUTCDate())}-${MONTHS[start.getUTCMonth()]}-${y}`,
  };
}

/** Annotation text without control characters (they delimit TALs). */
function printable(text: string): string {
  return Array.from(text, (c) => (c.charCodeAt(0) < 0x20 ? ' ' : c)).join('');
}

function seconds(value: number): string {
  return trimNumber(value.toFixed(6));
}

/** Time-stamped annotation lists (TAL) per data record; the first TAL of each keeps time. */
function annotationRecords(layout: EdfLayout, annotations: EdfAnnotation[]): Uint8Array[] {
  const encoder = new TextEncoder();
  const perRecord: string[][] = Array.from({ length: layout.records }, () => []);
  for (const a of annotations) {
    if (!(a.onset >= 0)) throw new EdfError('invalid_annotation', `Annotation onset ${a.onset} is negative`);
    const r = Math.min(layout.records - 1, Math.floor(a.onset / layout.recordDuration));
    const dur = a.duration !== undefined ? `\x15${seconds(a.duration)}` : '';
    perRecord[r]!.push(`+${seconds(a.onset)}${dur}\x14${printable(a.text)}\x14\x00`);
  }
  return perRecord.map((tals, r) =>
    encoder.encode(`+${seconds(r * layout.recordDuration)}\x14\x14\x00${tals.join('')}`),
  );
}

/** Writes an EDF+C file. Signals are padded with zeros to the last full data record (see layout). */
export function writeEdf(rec: EdfRecording): { bytes: Uint8Array; layout: EdfLayout } {
  if (rec.signals.length === 0) throw new EdfError('no_signals', 'An EDF file needs at least one signal');
  const n = rec.signals[0]!.samples.length;
  if (rec.signals.some((s) => s.samples.length !== n))
    throw new EdfError('unequal_signals', 'Every signal must have the same number of samples');
  const layout = edfLayout(rec.samplingRate, n);
  const tals = annotationRecords(layout, rec.annotations ?? []);
  const annotationSamples = Math.max(...tals.map((t) => Math.ceil(t.length / 2)));
  const ns = rec.signals.length + 1;
  const headerBytes = 256 * (ns + 1);
  const ranges = rec.signals.map((s) => {
    try {
      return physicalRange(s.samples);
    } catch (e) {
      if (e instanceof EdfError) throw new EdfError(e.code, `${s.label}: ${e.message}`);
      throw e;
    }
  });
  const dates = headerDates(rec.start);
  const p = rec.patient;
  const fields: string[] = [
    ascii('0', 8),
    ascii(`${word(p.code)} ${word(p.sex)} ${word(p.birthdate)} ${word(p.name)}`, 80),
    ascii(`Startdate ${dates.startdate} X X ${word(rec.equipment)}`, 80),
    ascii(dates.date, 8),
    ascii(dates.time, 8),
    ascii(String(headerBytes), 8),
    ascii('EDF+C', 44),
    ascii(String(layout.records), 8),
    ascii(seconds(layout.recordDuration), 8),
    ascii(String(ns), 4),
  ];
  const all = [...rec.signals.map((s, i) => ({ s, r: ranges[i]! })), null];
  const column = (f: (x: (typeof all)[number]) => string, width: number) =>
    all.map((x) => ascii(f(x), width)).join('');
  fields.push(
    column((x) => (x ? x.s.label : ANNOTATION_LABEL), 16),
    column((x) => (x ? (x.s.transducer ?? '') : ''), 80),
    column((x) => (x ? x.s.unit : ''), 8),
    column((x) => (x ? x.r.min : '-1'), 8),
    column((x) => (x ? x.r.max : '1'), 8),
    column(() => String(DIGITAL_MIN), 8),
    column(() => String(DIGITAL_MAX), 8),
    column((x) => (x ? (x.s.prefiltering ?? '') : ''), 80),
    column((x) => String(x ? layout.samplesPerRecord : annotationSamples), 8),
    column(() => '', 32),
  );
  const header = fields.join('');
  if (header.length !== headerBytes)
    throw new Error(`EDF header is ${header.length} bytes, expected ${headerBytes}`);
  const recordBytes = 2 * (rec.signals.length * layout.samplesPerRecord + annotationSamples);
  const out = new Uint8Array(headerBytes + layout.records * recordBytes);
  for (let i = 0; i < header.length; i++) out[i] = header.charCodeAt(i);
  const view = new DataView(out.buffer);
  const bounds = ranges.map((r) => [Number(r.min), Number(r.max)] as const);
  for (let r = 0; r < layout.records; r++) {
    let at = headerBytes + r * recordBytes;
    rec.signals.forEach((s, i) => {
      const [pmin, pmax] = bounds[i]!;
      const base = r * layout.samplesPerRecord;
      for (let k = 0; k < layout.samplesPerRecord; k++, at += 2) {
        const idx = base + k;
        // Padding after the end of the recording is digital 0 nearest to 0 physical.
        const v = idx < n ? s.samples[idx]! : Math.min(pmax, Math.max(pmin, 0));
        view.setInt16(at, quantize(v, pmin, pmax), true);
      }
    });
    out.set(tals[r]!, at);
  }
  return { bytes: out, layout };
}
