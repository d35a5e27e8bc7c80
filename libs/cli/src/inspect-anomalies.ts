/**
 * What `inspect` adds to the reader's warnings: inconsistencies the reader tolerates silently
 * because it can fall back on something else (the header's rates when POINT:RATE or ANALOG:RATE
 * is missing, the header's data block when POINT:DATA_START is), but that a person looking at the
 * file should know about: missing rate, unit or data-start parameters, duplicate labels, and a
 * parameter section whose chain of records does not end before the data.
 */
import { getParameter, type C3dFile, type C3dWarning } from '@app/c3d';

const BLOCK = 512;

function has(file: C3dFile, group: string, name: string): boolean {
  return getParameter(file, group, name) !== undefined;
}

function duplicates(labels: string[]): string[] {
  const seen = new Map<string, number>();
  for (const l of labels.map((x) => x.trim()).filter((x) => x !== '')) seen.set(l, (seen.get(l) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([l, n]) => `${l} (x${n})`);
}

/**
 * Walks the parameter records' next-offsets from the parameter block without stopping at the data
 * block, as a reader that trusts the chain would: if the chain has no terminator before the data,
 * the records announced are fewer than the ones the chain points to.
 */
function parameterChainEnd(bytes: Uint8Array, littleEndian: boolean): { end: number; terminated: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = (bytes[0]! - 1) * BLOCK;
  let pos = start + 4;
  for (let records = 0; pos + 4 <= bytes.length && records < 100_000; records++) {
    const len = view.getInt8(pos);
    const id = view.getInt8(pos + 1);
    if (len === 0 || id === 0) return { end: pos, terminated: true };
    const nameEnd = pos + 2 + Math.abs(len);
    if (nameEnd + 2 > bytes.length) break;
    const next = view.getInt16(nameEnd, littleEndian);
    if (next <= 0) return { end: nameEnd + 2, terminated: true };
    pos = nameEnd + next;
  }
  return { end: Math.min(pos, bytes.length), terminated: false };
}

export function fileAnomalies(file: C3dFile, bytes?: Uint8Array): C3dWarning[] {
  const out: C3dWarning[] = [];
  const known = new Set(file.warnings.map((w) => w.code));
  const add = (code: string, message: string) => {
    if (!known.has(code)) out.push({ code, message });
  };
  const pointCount = file.points.labels.length;
  const channelCount = file.analog.labels.length;
  if (pointCount > 0 && !has(file, 'POINT', 'RATE'))
    add(
      'point_rate_missing',
      `POINT:RATE is missing: the point rate (${file.points.rate} Hz) comes from the header`,
    );
  if (channelCount > 0 && !has(file, 'ANALOG', 'RATE'))
    add(
      'analog_rate_missing',
      `ANALOG:RATE is missing: the analog rate (${file.analog.rate} Hz) is derived from the header`,
    );
  if (channelCount > 0 && !has(file, 'ANALOG', 'UNITS'))
    add('analog_units_missing', 'ANALOG:UNITS is missing: the analog channels have no unit');
  if (!has(file, 'POINT', 'DATA_START'))
    add(
      'data_start_missing',
      `POINT:DATA_START is missing: the data block (${file.header.dataBlock}) comes from the header`,
    );
  const dupPoints = duplicates(file.points.labels);
  if (dupPoints.length > 0) add('duplicate_point_labels', `POINT:LABELS repeats ${dupPoints.join(', ')}`);
  const dupAnalog = duplicates(file.analog.labels);
  if (dupAnalog.length > 0) add('duplicate_analog_labels', `ANALOG:LABELS repeats ${dupAnalog.join(', ')}`);
  if (bytes && bytes.length > BLOCK && bytes[0]! > 0) {
    const paramStart = (bytes[0]! - 1) * BLOCK;
    const announced = bytes[paramStart + 2] ?? 0;
    const dataStart = (file.header.dataBlock - 1) * BLOCK;
    const chain = parameterChainEnd(bytes, file.processor !== 'mips');
    if (dataStart > paramStart && chain.end > dataStart) {
      add(
        'parameter_chain_past_data',
        `the parameter section has no terminating record before the data (block ${file.header.dataBlock}): its last ` +
          `record points into the data, while the parameter header announces ${announced} block(s); ` +
          'the parameters were read up to the data block',
      );
    }
  }
  return out;
}
