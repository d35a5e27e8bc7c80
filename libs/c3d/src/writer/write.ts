/** writeC3d: a spec in, a complete C3D file out (header, parameter section, data, 512-byte padded). */
import { PROCESSOR_BYTE } from '../codec.js';
import { C3dError } from '../errors.js';
import { encodeString } from './strings.js';
import { encoderFor } from './encode.js';
import { encodeFrames } from './frames.js';
import { encodeGroups } from './section.js';
import { type C3dWriteSpec } from './spec.js';
import { buildTree, type DataFacts } from './tree.js';

const BLOCK = 512;

function fail(message: string): never {
  throw new C3dError('invalid_spec', message, 0);
}

function countFrames(spec: C3dWriteSpec): number {
  if (spec.points && spec.points.x.length > 0) return spec.points.x[0]!.length;
  if (spec.analog && spec.analog.channels.length > 0)
    return Math.floor(spec.analog.channels[0]!.length / spec.analog.samplesPerFrame);
  return spec.frames ?? 0;
}

function facts(spec: C3dWriteSpec, frames: number, pointScale: number): DataFacts {
  const p = spec.points;
  const a = spec.analog;
  const P = p?.labels.length ?? 0;
  const C = a?.labels.length ?? 0;
  const fill = <T>(v: T[] | undefined, n: number, d: T): T[] =>
    Array.from({ length: n }, (_, i) => v?.[i] ?? d);
  return {
    pointCount: P,
    pointScale,
    pointRate: spec.pointRate,
    frames,
    firstFrame: spec.firstFrame ?? 1,
    dataBlock: 0,
    pointLabels: p?.labels ?? [],
    pointDescriptions: fill(p?.descriptions, P, ''),
    pointUnits: p?.units ?? 'mm',
    channels: C,
    analogRate: spec.pointRate * (a?.samplesPerFrame ?? 1),
    analogLabels: a?.labels ?? [],
    analogDescriptions: fill(a?.descriptions, C, ''),
    analogUnits: fill(a?.units, C, 'V'),
    analogScale: fill(a?.scale, C, 1),
    analogOffset: fill(a?.offset, C, 0),
    genScale: a?.genScale ?? 1,
    unsigned: a?.unsigned ?? false,
    events: (spec.events ?? []).map((e) => ({
      label: e.label,
      time: e.time,
      context: e.context ?? '',
      description: e.description ?? '',
    })),
  };
}

function validate(spec: C3dWriteSpec, frames: number): void {
  if (!(spec.pointRate > 0)) fail('pointRate must be positive');
  const p = spec.points;
  if (
    p &&
    [p.x, p.y, p.z].some((axis) => axis.length !== p.labels.length || axis.some((a) => a.length !== frames))
  ) {
    fail('points: x, y, z need one array of `frames` values per label');
  }
  const a = spec.analog;
  if (
    a &&
    (!(a.samplesPerFrame >= 1) ||
      a.channels.length !== a.labels.length ||
      a.channels.some((c) => c.length !== frames * a.samplesPerFrame))
  ) {
    fail('analog: one array of frames x samplesPerFrame values per label');
  }
  if ((p?.labels.length ?? 0) > 65535 || (a?.labels.length ?? 0) * (a?.samplesPerFrame ?? 1) > 65535)
    fail('too many points or channels');
}

export function writeC3d(spec: C3dWriteSpec): Uint8Array {
  const processor = spec.processor ?? 'intel';
  const format = spec.format ?? 'float';
  const enc = encoderFor(processor);
  const frames = countFrames(spec);
  validate(spec, frames);
  const magnitude = Math.abs(spec.points?.scale ?? (format === 'float' ? 1 : 0.1)) || 1;
  const pointScale = format === 'float' ? -magnitude : magnitude;
  const f = facts(spec, frames, pointScale);
  // DATA_START depends on the section length, which does not depend on its value: encode twice.
  let section = encodeGroups(buildTree(spec.groups, f), enc);
  const paramBlocks = Math.ceil((section.length + 4) / BLOCK);
  f.dataBlock = 2 + paramBlocks;
  if (f.dataBlock > 65535) fail('parameter section too large');
  section = encodeGroups(buildTree(spec.groups, f), enc);
  const S = spec.analog?.samplesPerFrame ?? 1;
  const C = f.channels;
  const word = format === 'float' ? 4 : 2;
  const dataBytes = frames * word * (4 * f.pointCount + C * S);
  const total = (f.dataBlock - 1) * BLOCK + Math.ceil(dataBytes / BLOCK) * BLOCK;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  writeHeader(view, out, spec, f, S, enc);
  out.set([1, 0x50, paramBlocks, PROCESSOR_BYTE[processor]], BLOCK);
  out.set(section, BLOCK + 4);
  const factor = f.analogScale.map((s) => s * f.genScale || 1);
  encodeFrames(
    view,
    (f.dataBlock - 1) * BLOCK,
    enc,
    { format, frames, pointScale, samplesPerFrame: S, offset: f.analogOffset, factor, unsigned: f.unsigned },
    spec.points,
    spec.analog,
  );
  return out;
}

function writeHeader(
  view: DataView,
  out: Uint8Array,
  spec: C3dWriteSpec,
  f: DataFacts,
  S: number,
  enc: ReturnType<typeof encoderFor>,
): void {
  const w = (byte: number, v: number): void => enc.i16(view, byte, v > 32767 ? v - 65536 : v);
  out[0] = 2;
  out[1] = 0x50;
  w(2, f.pointCount);
  w(4, f.channels * S);
  w(6, Math.min(f.firstFrame, 65535));
  w(8, Math.min(f.firstFrame + Math.max(f.frames, 1) - 1, 65535));
  w(10, 10);
  enc.f32(view, 12, f.pointScale);
  w(16, f.dataBlock);
  w(18, f.channels > 0 ? S : 0);
  enc.f32(view, 20, spec.pointRate);
  const events = f.events.slice(0, 18);
  w(298, 12345);
  w(300, events.length);
  events.forEach((e, i) => {
    enc.f32(view, 304 + 4 * i, e.time);
    out[376 + i] = 1;
    out.fill(0x20, 396 + 4 * i, 400 + 4 * i);
    out.set(encodeString(e.label).subarray(0, 4), 396 + 4 * i);
  });
}
