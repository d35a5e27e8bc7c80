/** Encodes parameter groups into a parameter section (records chained by next-offsets). */
import { C3dError } from '../errors.js';
import { encodeString } from './strings.js';
import { type Encoder } from './encode.js';
import { type GroupSpec, type ParameterSpec } from './spec.js';

const TYPE_CODE = { char: -1, byte: 1, int: 2, float: 4 } as const;
const TYPE_SIZE = { char: 1, byte: 1, int: 2, float: 4 } as const;

function fail(message: string): never {
  throw new C3dError('invalid_spec', message, 0);
}

export function defaultDims(p: ParameterSpec): number[] {
  if (p.dims) return [...p.dims];
  if (p.type === 'char') {
    const rows = p.values as readonly string[];
    const width = Math.max(1, ...rows.map((s) => encodeString(s).length));
    return rows.length === 1 ? [width] : [width, rows.length];
  }
  return p.values.length === 1 ? [] : [p.values.length];
}

/** Record bytes: name, next-offset, then the body; the offset counts from its own field. */
function record(nameLen: number, id: number, name: Uint8Array, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(2 + name.length + 2 + body.length);
  const view = new DataView(out.buffer);
  view.setInt8(0, nameLen);
  view.setInt8(1, id);
  out.set(name, 2);
  out.set(body, 4 + name.length);
  return out;
}

function nameBytes(name: string): Uint8Array {
  const bytes = encodeString(name);
  if (bytes.length === 0 || bytes.length > 127) fail(`name "${name}" must be 1 to 127 bytes`);
  return bytes;
}

function descriptionBytes(text: string | undefined): Uint8Array {
  const d = encodeString(text ?? '').subarray(0, 255);
  const out = new Uint8Array(1 + d.length);
  out[0] = d.length;
  out.set(d, 1);
  return out;
}

function parameterBody(p: ParameterSpec, enc: Encoder): Uint8Array {
  const dims = defaultDims(p);
  if (dims.length > 7 || dims.some((d) => !Number.isInteger(d) || d < 0 || d > 255))
    fail(`parameter ${p.name}: bad dims ${dims.join(',')}`);
  const count = dims.reduce((a, b) => a * b, 1);
  const desc = descriptionBytes(p.description);
  const out = new Uint8Array(2 + dims.length + count * TYPE_SIZE[p.type] + desc.length);
  const view = new DataView(out.buffer);
  view.setInt8(0, TYPE_CODE[p.type]);
  out[1] = dims.length;
  dims.forEach((d, i) => (out[2 + i] = d));
  const at = 2 + dims.length;
  if (p.type === 'char') writeChars(out, at, dims, p.values as readonly string[]);
  else {
    const values = p.values as readonly number[];
    if (values.length !== count)
      fail(`parameter ${p.name}: ${values.length} values for dims ${dims.join('x')}`);
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      if (p.type === 'byte') out[at + i] = v & 0xff;
      else if (p.type === 'int')
        enc.i16(
          view,
          at + 2 * i,
          v > 32767 && v <= 65535 ? v - 65536 : Math.max(-32768, Math.min(32767, Math.round(v))),
        );
      else enc.f32(view, at + 4 * i, v);
    }
  }
  out.set(desc, at + count * TYPE_SIZE[p.type]);
  return out;
}

function writeChars(out: Uint8Array, at: number, dims: number[], rows: readonly string[]): void {
  const width = dims.length ? dims[0]! : 1;
  const count = dims.reduce((a, b) => a * b, 1);
  out.fill(0x20, at, at + count);
  const nrows = width > 0 ? count / width : 0;
  for (let r = 0; r < nrows && r < rows.length; r++)
    out.set(encodeString(rows[r]!).subarray(0, width), at + r * width);
}

/** Section bytes after the 4-byte section header, ending with a zero terminator. */
export function encodeGroups(groups: GroupSpec[], enc: Encoder): Uint8Array {
  if (groups.length > 127) fail('at most 127 groups');
  const records: Uint8Array[] = [];
  groups.forEach((g, i) => {
    const id = i + 1;
    const name = nameBytes(g.name);
    records.push(record(g.locked ? -name.length : name.length, -id, name, descriptionBytes(g.description)));
    for (const p of g.parameters) {
      const pname = nameBytes(p.name);
      records.push(record(p.locked ? -pname.length : pname.length, id, pname, parameterBody(p, enc)));
    }
  });
  const total = records.reduce((n, r) => n + r.length, 0) + 2;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let pos = 0;
  for (const r of records) {
    out.set(r, pos);
    const nameLen = Math.abs(view.getInt8(pos));
    const next = r.length - 2 - nameLen;
    if (next > 32767) fail('a parameter record is longer than 32767 bytes');
    enc.i16(view, pos + 2 + nameLen, next);
    pos += r.length;
  }
  return out;
}
