/**
 * Frame layout: how many points, channels, samples per frame and frames the data section
 * holds. Parameters are preferred over the header, but when they disagree the layout that
 * exactly consumes the data section wins (rule 3 of docs/c3d-format-notes.md).
 */
import { type C3dWarning } from './errors.js';
import { BLOCK } from './header.js';
import { findGroup, findParameter, numberOf, unsignedOf, type ParameterSource } from './lookup.js';
import { type C3dHeader, type DataFormat } from './types.js';

export interface Layout {
  pointCount: number;
  channels: number;
  samplesPerFrame: number;
  frames: number;
  /** Byte offset of the first frame. */
  dataStart: number;
  format: DataFormat;
  pointScale: number;
  pointRate: number;
  analogRate: number;
  firstFrame: number;
}

interface Candidate {
  P: number;
  C: number;
  S: number;
  F: number;
  D: number;
  /** How many fields come from the less preferred source; x10 for the frame structure (P, C, S). */
  rank: number;
}

export function resolveLayout(
  header: C3dHeader,
  groups: ParameterSource,
  fileLength: number,
  paramStart: number,
  warnings: C3dWarning[],
): Layout {
  const pScale = numberOf(groups, 'POINT', 'SCALE');
  const pointScale = pScale !== undefined && pScale !== 0 ? pScale : header.scaleFactor;
  const format: DataFormat = pointScale < 0 ? 'float' : 'integer';
  const pRate = numberOf(groups, 'POINT', 'RATE');
  const pointRate = pRate !== undefined && pRate > 0 ? pRate : header.frameRate > 0 ? header.frameRate : 0;
  const aRate = numberOf(groups, 'ANALOG', 'RATE');
  const paramSpf = samplesPerFrameFromRates(aRate, pointRate, warnings);
  const hasAnalog = findGroup(groups, 'ANALOG') !== undefined;
  const validBlock = (b: number | undefined): b is number =>
    b !== undefined && b >= 2 && (b - 1) * BLOCK > paramStart && (b - 1) * BLOCK <= fileLength;
  const fields = {
    P: choices(unsignedOf(groups, 'POINT', 'USED'), header.pointCount),
    C: choices(hasAnalog ? unsignedOf(groups, 'ANALOG', 'USED') : undefined, header.analogChannels),
    S: choices(paramSpf, header.analogSamplesPerFrame),
    F: choices(
      parameterFrames(groups),
      header.lastFrame >= header.firstFrame ? header.lastFrame - header.firstFrame + 1 : 0,
    ),
    D: choices(...[unsignedOf(groups, 'POINT', 'DATA_START'), header.dataBlock].filter(validBlock)),
  };
  if (fields.D.length === 0) fields.D.push(Math.max(Math.ceil(fileLength / BLOCK) + 1, 2));
  const word = format === 'float' ? 4 : 2;
  const chosen = pickLayout(enumerate(fields), word, fileLength, warnings);
  const S = chosen.C > 0 ? chosen.S : chosen.S || 0;
  const analogRate = paramSpf === S && aRate !== undefined ? aRate : pointRate * S;
  if (aRate !== undefined && paramSpf !== S && chosen.C > 0) {
    warnings.push({
      code: 'analog_rate_mismatch',
      message: `ANALOG:RATE ${aRate} does not give ${S} samples per frame; using ${analogRate} Hz`,
    });
  }
  return {
    pointCount: chosen.P,
    channels: chosen.C,
    samplesPerFrame: S,
    frames: chosen.F,
    dataStart: (chosen.D - 1) * BLOCK,
    format,
    pointScale,
    pointRate,
    analogRate,
    firstFrame: firstFrame(header, groups),
  };
}

function choices(...values: (number | undefined)[]): number[] {
  const out: number[] = [];
  for (const v of values)
    if (v !== undefined && Number.isFinite(v) && v >= 0 && !out.includes(v)) out.push(v);
  return out;
}

function samplesPerFrameFromRates(
  aRate: number | undefined,
  pointRate: number,
  warnings: C3dWarning[],
): number | undefined {
  if (aRate === undefined || aRate <= 0 || pointRate <= 0) return undefined;
  const ratio = aRate / pointRate;
  const rounded = Math.round(ratio);
  if (rounded >= 1 && Math.abs(ratio - rounded) <= 1e-3 * ratio) return rounded;
  warnings.push({
    code: 'non_integer_rate_ratio',
    message: `ANALOG:RATE / POINT:RATE = ${ratio.toFixed(4)} is not an integer`,
  });
  return undefined;
}

/** POINT:FRAMES is an unsigned word, a float, or superseded by LONG_FRAMES / TRIAL fields past 65535. */
export function parameterFrames(groups: ParameterSource): number | undefined {
  let frames = unsignedOf(groups, 'POINT', 'FRAMES');
  const long = findParameter(groups, 'POINT', 'LONG_FRAMES');
  const longValue = long ? wordPair(long.values as number[], long.type) : undefined;
  if (longValue !== undefined && (frames === undefined || longValue > frames)) frames = longValue;
  const start = findParameter(groups, 'TRIAL', 'ACTUAL_START_FIELD');
  const end = findParameter(groups, 'TRIAL', 'ACTUAL_END_FIELD');
  if (start && end) {
    const s = wordPair(start.values as number[], start.type);
    const e = wordPair(end.values as number[], end.type);
    if (s !== undefined && e !== undefined && e >= s && (frames === undefined || e - s + 1 > frames))
      frames = e - s + 1;
  }
  return frames !== undefined ? Math.floor(frames) : undefined;
}

/** TRIAL fields hold a 32-bit count as two unsigned words, low word first. */
function wordPair(values: number[], type: string): number | undefined {
  if (type === 'char' || values.length === 0 || typeof values[0] !== 'number') return undefined;
  if (type === 'float') return values[0];
  const low = values[0] & 0xffff;
  const high = values.length > 1 ? values[1]! & 0xffff : 0;
  return low + high * 65536;
}

function firstFrame(header: C3dHeader, groups: ParameterSource): number {
  const start = findParameter(groups, 'TRIAL', 'ACTUAL_START_FIELD');
  const s = start ? wordPair(start.values as number[], start.type) : undefined;
  return s !== undefined && s > 65535 ? s : header.firstFrame;
}

function enumerate(f: Record<'P' | 'C' | 'S' | 'F' | 'D', number[]>): Candidate[] {
  const out: Candidate[] = [];
  const pick = (list: number[]): number[][] => (list.length ? list.map((v, i) => [v, i]) : [[0, 0]]);
  for (const [P, a] of pick(f.P))
    for (const [C, b] of pick(f.C))
      for (const [S, c] of pick(f.S))
        for (const [F, d] of pick(f.F))
          for (const [D, e] of pick(f.D))
            out.push({ P: P!, C: C!, S: S!, F: F!, D: D!, rank: 10 * (a! + b! + c!) + d! + e! });
  return out.sort((x, y) => x.rank - y.rank);
}

/**
 * The frame structure (points, channels, samples per frame) comes from the parameters unless no
 * reading of them fits the data; within one structure, frame count and data start may come from
 * either source. A structure fits when it consumes the data section, or when the data section is
 * a truncated or unfinalised prefix of it.
 */
function pickLayout(cands: Candidate[], word: number, fileLength: number, warnings: C3dWarning[]): Candidate {
  const byStructure = new Map<number, Candidate[]>();
  for (const c of cands) {
    const key = Math.floor(c.rank / 10);
    byStructure.set(key, [...(byStructure.get(key) ?? []), c]);
  }
  for (const group of [...byStructure.keys()].sort((a, b) => a - b).map((k) => byStructure.get(k)!)) {
    const chosen = fitStructure(group, word, fileLength, warnings);
    if (chosen) {
      if (chosen.rank > 0) {
        warnings.push({
          code: 'header_parameter_mismatch',
          message: `header and parameters disagree; using the layout that fits the data (${describe(chosen)})`,
        });
      }
      return chosen;
    }
  }
  const first = cands[0]!;
  if (bytesPerFrame(first, word) > 0)
    warnings.push({ code: 'trailing_data', message: `data section is longer than ${first.F} frames` });
  return first;
}

function bytesPerFrame(c: Candidate, word: number): number {
  return word * (c.P * 4 + (c.C > 0 ? c.C * c.S : 0));
}

function fitStructure(
  cands: Candidate[],
  word: number,
  fileLength: number,
  warnings: C3dWarning[],
): Candidate | undefined {
  const bpf = (c: Candidate): number => bytesPerFrame(c, word);
  const avail = (c: Candidate): number => Math.max(0, fileLength - (c.D - 1) * BLOCK);
  const exact = cands.find(
    (c) => c.F > 0 && bpf(c) > 0 && c.F * bpf(c) <= avail(c) && avail(c) - c.F * bpf(c) < BLOCK,
  );
  if (exact) return exact;
  const truncated = cands.find((c) => bpf(c) > 0 && c.F * bpf(c) > avail(c));
  if (truncated) {
    const complete = Math.floor(avail(truncated) / bpf(truncated));
    warnings.push({
      code: 'truncated',
      message: `data section holds ${complete} of ${truncated.F} announced frames`,
      offset: fileLength,
    });
    return { ...truncated, F: complete };
  }
  const unfinalised = cands.find((c) => bpf(c) > 0 && c.F === 0);
  if (unfinalised) {
    const complete = Math.floor(avail(unfinalised) / bpf(unfinalised));
    warnings.push({
      code: 'unfinalised',
      message: `no frame count recorded; read ${complete} complete frames from the data section`,
      offset: fileLength,
    });
    return { ...unfinalised, F: complete };
  }
  return undefined;
}

function describe(c: Candidate): string {
  return `${c.P} points, ${c.C} channels x ${c.S} samples, ${c.F} frames from block ${c.D}`;
}
