/** The 512-byte file header: fixed word positions, decoded with the file's processor codec. */
import { type NumberCodec } from './codec.js';
import { C3dError } from './errors.js';
import { decodeString } from './decode/index.js';
import { type C3dHeader } from './types.js';

export const BLOCK = 512;
const EVENT_KEY = 12345;
const MAX_HEADER_EVENTS = 18;

/** Byte offset of the parameter section, checked against the file size. */
export function parameterStart(bytes: Uint8Array): number {
  if (bytes.length < BLOCK) {
    throw new C3dError(
      'truncated',
      `file is ${bytes.length} bytes, shorter than the 512-byte header`,
      bytes.length,
    );
  }
  const block = bytes[0]!;
  if (block === 0) throw new C3dError('bad_header', 'header word 1 gives parameter block 0', 0);
  const start = (block - 1) * BLOCK;
  if (start + 4 > bytes.length) {
    throw new C3dError('truncated', `parameter block ${block} lies past the end of the file`, start);
  }
  return start;
}

export function readHeader(bytes: Uint8Array, view: DataView, codec: NumberCodec): C3dHeader {
  const u16 = (byte: number): number => codec.u16(view, byte);
  const analogMeasurementsPerFrame = u16(4);
  const analogSamplesPerFrame = u16(18);
  const fourCharEvents = u16(298) === EVENT_KEY;
  const eventCount = Math.min(u16(300), MAX_HEADER_EVENTS);
  const events: C3dHeader['events'] = [];
  for (let i = 0; i < eventCount; i++) {
    events.push({
      time: codec.f32(view, 304 + 4 * i),
      display: bytes[376 + i] === 1,
      label: decodeString(bytes, view, 396 + 4 * i, 400 + 4 * i),
    });
  }
  return {
    parameterBlock: bytes[0]!,
    pointCount: u16(2),
    analogMeasurementsPerFrame,
    analogChannels:
      analogSamplesPerFrame > 0 ? Math.floor(analogMeasurementsPerFrame / analogSamplesPerFrame) : 0,
    firstFrame: u16(6),
    lastFrame: u16(8),
    maxInterpolationGap: u16(10),
    scaleFactor: codec.f32(view, 12),
    dataBlock: u16(16),
    analogSamplesPerFrame,
    frameRate: codec.f32(view, 20),
    fourCharEvents,
    eventCount: u16(300),
    events,
  };
}
