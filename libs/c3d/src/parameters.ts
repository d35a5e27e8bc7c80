/**
 * The parameter section: a chain of group and parameter records, each pointing to the next.
 * It is walked to its terminator, bounded by the data start block rather than by the block
 * count announced in its header (several real files understate that count).
 */
import { decodeVax, type NumberCodec } from './codec.js';
import { type C3dWarning } from './errors.js';
import { BLOCK } from './header.js';
import { SectionText } from './decode/index.js';
import { type C3dGroup, type C3dParameter, type ParameterType } from './types.js';

interface Section {
  bytes: Uint8Array;
  view: DataView;
  text: SectionText;
  codec: NumberCodec;
  end: number;
  warnings: C3dWarning[];
}

/** The type byte: -1 char, 1 byte, 2 int, 4 float (a switch: a negative key made the record lookup a slow string-keyed one). */
function typeOf(code: number): { type: ParameterType; size: number } | undefined {
  switch (code) {
    case -1:
      return CHAR;
    case 1:
      return BYTE;
    case 2:
      return INT;
    case 4:
      return FLOAT;
    default:
      return undefined;
  }
}
const CHAR = { type: 'char', size: 1 } as const;
const BYTE = { type: 'byte', size: 1 } as const;
const INT = { type: 'int', size: 2 } as const;
const FLOAT = { type: 'float', size: 4 } as const;

export interface ParameterSection {
  groups: C3dGroup[];
  /** Byte just past the last record read (to compare with the announced block count). */
  endOffset: number;
  /** False when the walk ran into the section end instead of a terminator. */
  complete: boolean;
}

export function readParameters(
  bytes: Uint8Array,
  view: DataView,
  codec: NumberCodec,
  start: number,
  end: number,
  warnings: C3dWarning[],
): ParameterSection {
  const text = new SectionText(bytes, view, start, end);
  const s: Section = { bytes, view, text, codec, end, warnings };
  // group ids are 1..128 (a signed byte, negated for group records): an array indexed by id, as
  // a Map lookup per parameter showed in profiles of sections with thousands of parameters
  const byId = new Array<C3dGroup | undefined>(129).fill(undefined);
  const groups: C3dGroup[] = [];
  const groupFor = (id: number): C3dGroup => {
    let g = byId[id];
    if (!g) {
      g = { id, name: '', description: '', locked: false, parameters: [] };
      byId[id] = g;
      groups.push(g);
    }
    return g;
  };
  let pos = start + 4;
  let last = pos;
  let complete = false;
  while (pos + 2 <= end) {
    const rawLen = view.getInt8(pos);
    const id = view.getInt8(pos + 1);
    if (rawLen === 0 || id === 0) {
      complete = true;
      break;
    }
    const nameEnd = pos + 2 + Math.abs(rawLen);
    if (nameEnd + 2 > end) {
      warn(s, 'parameter_section_truncated', 'a parameter record runs past the parameter section', pos);
      break;
    }
    const next = view.getInt16(nameEnd, codec.littleEndian);
    const recordEnd = next > 0 ? Math.min(nameEnd + next, end) : end;
    const name = text.read(pos + 2, nameEnd);
    if (id < 0) readGroup(s, groupFor(-id), name, rawLen < 0, nameEnd + 2, recordEnd);
    else {
      const p = readParameter(s, name, rawLen < 0, nameEnd + 2, recordEnd, pos);
      if (p) groupFor(id).parameters.push(p);
    }
    last = recordEnd;
    if (next <= 0) {
      complete = true;
      if (next < 0) warn(s, 'parameter_chain_broken', `negative next-record offset after ${name}`, nameEnd);
      break;
    }
    pos = nameEnd + next;
  }
  for (const g of groups) {
    if (g.name === '')
      warn(s, 'parameter_orphans', `parameters refer to group id ${g.id}, which has no record`, start);
  }
  return { groups, endOffset: last, complete };
}

function readGroup(
  s: Section,
  g: C3dGroup,
  name: string,
  locked: boolean,
  at: number,
  recordEnd: number,
): void {
  if (g.name !== '') {
    s.warnings.push({
      code: 'duplicate_group_id',
      message: `group id ${g.id} used by ${g.name} and ${name}`,
      offset: at,
    });
    return;
  }
  g.name = name;
  g.locked = locked;
  g.description = readDescription(s, at, recordEnd);
}

function readDescription(s: Section, at: number, recordEnd: number): string {
  if (at >= recordEnd) return '';
  const len = s.bytes[at]!;
  // Some writers (OptiTrack) omit the length byte; never read past the record.
  return s.text.read(at + 1, Math.min(at + 1 + len, recordEnd));
}

function readParameter(
  s: Section,
  name: string,
  locked: boolean,
  at: number,
  recordEnd: number,
  recordStart: number,
): C3dParameter | undefined {
  if (at + 2 > s.end) {
    warn(s, 'parameter_truncated', `parameter ${name} has no type`, at);
    return undefined;
  }
  const kind = typeOf(s.view.getInt8(at));
  if (!kind) {
    warn(s, 'parameter_bad_type', `parameter ${name} has type ${s.view.getInt8(at)}`, at);
    return undefined;
  }
  const ndims = s.bytes[at + 1]!;
  const dataStart = at + 2 + ndims;
  const dims = readDims(s.bytes, at + 2, Math.min(ndims, Math.max(0, s.end - at - 2)));
  let count = 1;
  for (const d of dims) count *= d;
  const dataEnd = dataStart + count * kind.size;
  if (dataEnd > s.end) {
    warn(
      s,
      'parameter_truncated',
      `parameter ${name} needs ${dataEnd - dataStart} bytes past the section`,
      recordStart,
    );
    return undefined;
  }
  if (dataEnd > recordEnd) {
    warn(
      s,
      'parameter_size_mismatch',
      `parameter ${name} is longer than its next-record offset`,
      recordStart,
    );
  }
  // A zero-width CHAR array has no data bytes, so the size checks above cannot bound its row
  // count (dims [0, 255, 255, 255] would be 16 million strings): cap it by the file size.
  if (kind.type === 'char' && dims.length > 1 && dims[0] === 0) {
    const rows = dims.slice(1).reduce((a, b) => a * b, 1);
    if (rows > s.bytes.length) {
      warn(s, 'parameter_bad_dims', `parameter ${name} declares ${rows} empty strings`, recordStart);
      return undefined;
    }
  }
  const values =
    kind.type === 'char' ? readStrings(s.text, dataStart, dims) : readNumbers(s, kind.type, dataStart, count);
  const description = readDescription(s, dataEnd, Math.max(recordEnd, dataEnd));
  return { name, description, type: kind.type, dims, values, locked };
}

/**
 * The dimension bytes. Most parameters have none or one: an array literal holds exactly them,
 * where pushing onto [] reserved room for 17 (a 2879-parameter section spent a sixth of its
 * reading time in garbage collection).
 */
function readDims(bytes: Uint8Array, at: number, n: number): number[] {
  if (n === 0) return [];
  if (n === 1) return [bytes[at]!];
  if (n === 2) return [bytes[at]!, bytes[at + 1]!];
  const dims: number[] = [];
  for (let i = 0; i < n; i++) dims.push(bytes[at + i]!);
  return dims;
}

function readStrings(text: SectionText, start: number, dims: number[]): string[] {
  if (dims.length === 0) return [text.read(start, start + 1)];
  let rows = 1;
  for (let i = 1; i < dims.length; i++) rows *= dims[i]!;
  return text.rows(start, dims[0]!, rows);
}

function readNumbers(s: Section, type: ParameterType, start: number, count: number): number[] {
  const out: number[] = new Array<number>(count);
  const { bytes, view, codec } = s;
  const little = codec.littleEndian;
  // one loop per type, so no loop tests the type per value; DataView reads directly where the
  // codec's reader is one (a call through the codec was polymorphic once all three were seen)
  if (type === 'byte') for (let i = 0; i < count; i++) out[i] = bytes[start + i]!;
  else if (type === 'int') for (let i = 0; i < count; i++) out[i] = view.getInt16(start + 2 * i, little);
  else if (codec.processor === 'dec') for (let i = 0; i < count; i++) out[i] = decodeVax(view, start + 4 * i);
  else for (let i = 0; i < count; i++) out[i] = view.getFloat32(start + 4 * i, little);
  return out;
}

function warn(s: Section, code: string, message: string, offset: number): void {
  s.warnings.push({ code, message, offset });
}

/** Blocks actually used by the section, for the "announced vs used" warning. */
export function blocksUsed(start: number, endOffset: number): number {
  return Math.ceil((endOffset - start) / BLOCK);
}
