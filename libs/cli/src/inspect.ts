/**
 * `emg-c3d inspect FILE [--json] [--samples]`: a readable or JSON view of one C3D file, with the
 * reader's warnings and the anomalies it tolerates (see inspect-anomalies.ts). Errors as every
 * command reports them (cli-errors.ts): JSON on stdout with --json, text on stderr; exit 2.
 */
import { readFileSync } from 'node:fs';
import { readC3d, type C3dFile, type C3dParameter, type C3dWarning } from '@app/c3d';
import { assertC3dSignature } from './c3d-signature.js';
import { processIo, reportError, usageError, type CliIo } from './cli-errors.js';
import { fileAnomalies } from './inspect-anomalies.js';
import { parameterTree } from './inspect-parameters.js';

export interface InspectIo extends CliIo {
  readFile: (path: string) => Uint8Array;
}

const defaultIo: InspectIo = { ...processIo, readFile: (path) => readFileSync(path) };

const STANDARD_GROUPS = new Set([
  'POINT',
  'ANALOG',
  'FORCE_PLATFORM',
  'TRIAL',
  'EVENT',
  'EVENT_CONTEXT',
  'MANUFACTURER',
]);
export const USAGE =
  'usage: emg-c3d inspect FILE [--json] [--samples]\n' +
  '  header, parameters, points, analog channels (with units), events and warnings (what the reader\n' +
  '  repaired or guessed, and the anomalies it tolerates: missing rates, units or data start,\n' +
  '  duplicate labels, a parameter section that runs into the data)\n' +
  '  --json   the same as one JSON object; errors as {"error":{code,message,offset}} on stdout\n' +
  '  --samples  also every sample (large)\n' +
  '  Exit: 0 read, 1 usage error, 2 not a readable C3D file.\n';

export async function runInspect(args: string[], io: InspectIo = defaultIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const paths = args.filter((a) => !a.startsWith('-'));
  const json = flags.has('--json');
  const unknown = [...flags].filter((f) => f !== '--json' && f !== '--samples');
  if (unknown.length > 0) return usageError(io, 'inspect', json, `unknown option ${unknown[0]}`, USAGE);
  if (paths.length !== 1) return usageError(io, 'inspect', json, 'exactly one FILE is required', USAGE);
  let file: C3dFile;
  let anomalies: C3dWarning[];
  try {
    const bytes = io.readFile(paths[0]!);
    assertC3dSignature(bytes);
    file = readC3d(bytes, { headerOnly: !flags.has('--samples') });
    anomalies = fileAnomalies(file, bytes);
  } catch (error) {
    return reportError(io, 'inspect', json, error);
  }
  io.stdout(
    json ? `${JSON.stringify(toJson(file, flags.has('--samples'), anomalies))}\n` : summary(file, anomalies),
  );
  return Promise.resolve(0);
}

export function toJson(
  file: C3dFile,
  samples: boolean,
  anomalies: C3dWarning[] = [],
): Record<string, unknown> {
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
    // the reader's findings, what it tolerated, then what this view could not show (duplicate names)
    warnings: [...file.warnings, ...anomalies, ...warnings],
  };
}

function formatValues(p: C3dParameter): string {
  const values = p.values as (string | number)[];
  const shown = values.slice(0, 8).map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  return `${p.type}[${p.dims.join(',')}] ${shown.join(', ')}${values.length > 8 ? `, ... (${values.length})` : ''}`;
}

export function summary(file: C3dFile, anomalies: C3dWarning[] = []): string {
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
  const warnings = [...file.warnings, ...anomalies];
  lines.push(`warnings: ${warnings.length}`);
  for (const w of warnings) lines.push(`  [${w.code}] ${w.message}`);
  return `${lines.join('\n')}\n`;
}
