/** `emg-c3d inspect FILE [--json] [--samples]`: a readable or JSON view of one C3D file. */
import { readFileSync } from 'node:fs';
import { C3dError, readC3d, type C3dFile, type C3dParameter } from '@app/c3d';
import { parameterTree } from './inspect-parameters.js';

export interface InspectIo {
  stdout: (text: string) => void;
  readFile: (path: string) => Uint8Array;
}

const defaultIo: InspectIo = {
  stdout: (text) => process.stdout.write(text),
  readFile: (path) => readFileSync(path),
};

const STANDARD_GROUPS = new Set([
  'POINT',
  'ANALOG',
  'FORCE_PLATFORM',
  'TRIAL',
  'EVENT',
  'EVENT_CONTEXT',
  'MANUFACTURER',
]);
const USAGE = 'usage: emg-c3d inspect FILE [--json] [--samples]\n';

export async function runInspect(args: string[], io: InspectIo = defaultIo): Promise<number> {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const paths = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--json' && f !== '--samples');
  if (paths.length !== 1 || unknown.length > 0) {
    io.stdout(USAGE);
    return 1;
  }
  const json = flags.has('--json');
  let file: C3dFile;
  try {
    file = readC3d(io.readFile(paths[0]!), { headerOnly: !flags.has('--samples') });
  } catch (error) {
    const e = error instanceof C3dError ? error : new C3dError('invalid_input', ioMessage(error), 0);
    const code = error instanceof C3dError ? e.code : 'io_error';
    io.stdout(
      json
        ? `${JSON.stringify({ error: { code, message: e.message, offset: e.offset } })}\n`
        : `error (${code}) at byte ${e.offset}: ${e.message}\n`,
    );
    return 2;
  }
  io.stdout(json ? `${JSON.stringify(toJson(file, flags.has('--samples')))}\n` : summary(file));
  return Promise.resolve(0);
}

function ioMessage(error: unknown): string {
  // duck-typed: fs errors seen from another realm (a vm context, as under Jest) fail instanceof Error
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}

export function toJson(file: C3dFile, samples: boolean): Record<string, unknown> {
  const h = file.header;
  const { parameters, warnings } = parameterTree(file.parameters);
  const points: Record<string, unknown> = {
    rate: file.points.rate,
    frames: file.points.frames,
    labels: file.points.labels,
  };
  if (samples) {
    points.data = file.points.labels.map((label, i) => ({
      label,
      x: Array.from(file.points.x[i]!),
      y: Array.from(file.points.y[i]!),
      z: Array.from(file.points.z[i]!),
      residual: Array.from(file.points.residual[i]!),
    }));
  }
  const a = file.analog;
  const analog: Record<string, unknown> = {
    rate: a.rate,
    samples_per_frame: a.samplesPerFrame,
    labels: a.labels,
    units: a.units,
  };
  if (samples) analog.channels = a.labels.map((label, i) => ({ label, samples: Array.from(a.channels[i]!) }));
  return {
    header: {
      processor: file.processor,
      data_format: h.scaleFactor < 0 ? 'float' : 'integer',
      point_count: h.pointCount,
      analog_channels: h.analogChannels,
      analog_samples_per_frame: h.analogSamplesPerFrame,
      first_frame: h.firstFrame,
      last_frame: h.lastFrame,
      frame_rate: h.frameRate,
      analog_rate: h.frameRate * h.analogSamplesPerFrame,
      scale_factor: h.scaleFactor,
      parameter_block: h.parameterBlock,
      data_block: h.dataBlock,
      event_count: h.eventCount,
    },
    parameters,
    points,
    analog,
    events: file.events,
    // the reader's findings, then what this view could not show (duplicate names)
    warnings: [...file.warnings, ...warnings],
  };
}

function formatValues(p: C3dParameter): string {
  const values = p.values as (string | number)[];
  const shown = values.slice(0, 8).map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  return `${p.type}[${p.dims.join(',')}] ${shown.join(', ')}${values.length > 8 ? `, ... (${values.length})` : ''}`;
}

export function summary(file: C3dFile): string {
  const { points, analog } = file;
  const lines = [
    `processor: ${file.processor}   format: ${file.dataFormat}`,
    `points: ${points.labels.length} at ${points.rate} Hz, ${points.frames} frames from frame ${points.firstFrame}`,
  ];
  if (points.labels.length > 0) lines.push(`  labels: ${points.labels.join(', ')}`);
  lines.push(
    `analog: ${analog.labels.length} channels at ${analog.rate} Hz (${analog.samplesPerFrame} samples/frame)`,
  );
  analog.labels.forEach((label, i) =>
    lines.push(`  ${String(i + 1).padStart(3)}  ${label}${analog.units[i] ? ` [${analog.units[i]}]` : ''}`),
  );
  lines.push(`events: ${file.events.length}`);
  for (const e of file.events) lines.push(`  ${e.time.toFixed(3)} s  ${e.context} ${e.label}`.trimEnd());
  for (const g of file.parameters.filter((x) => !STANDARD_GROUPS.has(x.name.toUpperCase()))) {
    lines.push(`group ${g.name}${g.description ? ` (${g.description})` : ''}`);
    for (const p of g.parameters) lines.push(`  ${p.name}: ${formatValues(p)}`);
  }
  lines.push(`warnings: ${file.warnings.length}`);
  for (const w of file.warnings) lines.push(`  [${w.code}] ${w.message}`);
  return `${lines.join('\n')}\n`;
}
