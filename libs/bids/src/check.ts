/**
 * Checks an EMG-BIDS dataset against the rules this project writes by: file names, required
 * files, required sidecar fields and their types, TSV shape, channel names matching the EDF,
 * participants matching the subject folders. Not a full BIDS validator; a guard for our output.
 */
import { readEdfHeader } from './edf/read-edf.js';
import { DERIVATIVE_FILE, PIPELINE, RAW_FILE } from './names.js';
import { parseTsv } from './tsv.js';

export type BidsTree = ReadonlyMap<string, Uint8Array | string>;

const TOP_LEVEL = new Set([
  'dataset_description.json',
  'README',
  'participants.tsv',
  'participants.json',
  `derivatives/${PIPELINE}/dataset_description.json`,
]);
const REQUIRED_SIDECAR = [
  'EMGPlacementScheme',
  'EMGReference',
  'SamplingFrequency',
  'PowerLineFrequency',
  'SoftwareFilters',
  'TaskName',
] as const;
const PLACEMENT_SCHEMES = ['Measured', 'ChannelSpecific', 'Other'];
const CHANNEL_TYPES = ['EMG', 'MISC', 'TRIG', 'OTHER'];

const text = (v: Uint8Array | string): string => (typeof v === 'string' ? v : new TextDecoder().decode(v));
const bytes = (v: Uint8Array | string): Uint8Array =>
  typeof v === 'string' ? new TextEncoder().encode(v) : v;

function parseJson(tree: BidsTree, path: string, problems: string[]): Record<string, unknown> | undefined {
  const v = tree.get(path);
  if (v === undefined) {
    problems.push(`${path}: missing`);
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text(v));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  problems.push(`${path}: not a JSON object`);
  return undefined;
}

function checkTsv(path: string, v: Uint8Array | string, first: string[], problems: string[]) {
  const t = parseTsv(text(v));
  first.forEach((c, i) => {
    if (t.columns[i] !== c) problems.push(`${path}: column ${i + 1} must be "${c}" (is "${t.columns[i]}")`);
  });
  t.rows.forEach((r, i) => {
    if (r.length !== t.columns.length)
      problems.push(`${path}: row ${i + 2} has ${r.length} cells, header ${t.columns.length}`);
    if (r.some((c) => c === '')) problems.push(`${path}: row ${i + 2} has an empty cell (use n/a)`);
  });
  return t;
}

function checkSession(tree: BidsTree, edfPath: string, problems: string[]) {
  const base = edfPath.slice(0, -'_emg.edf'.length);
  const sidecar = parseJson(tree, `${base}_emg.json`, problems);
  let rate: number | undefined;
  let labels: string[] = [];
  try {
    const h = readEdfHeader(bytes(tree.get(edfPath)!));
    if (!h.reserved.startsWith('EDF+'))
      problems.push(`${edfPath}: not EDF+ (reserved field "${h.reserved}")`);
    const data = h.signals.filter((s) => s.label !== 'EDF Annotations');
    labels = data.map((s) => s.label);
    rate = data[0] ? data[0].samplesPerRecord / h.recordDuration : undefined;
    for (const s of data) {
      if (s.digitalMin !== -32768 || s.digitalMax !== 32767)
        problems.push(`${edfPath}: ${s.label} is not 16-bit`);
      if (!(s.physicalMax > s.physicalMin))
        problems.push(`${edfPath}: ${s.label} has an empty physical range`);
    }
  } catch (e) {
    problems.push(`${edfPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (sidecar) {
    for (const f of REQUIRED_SIDECAR)
      if (!(f in sidecar)) problems.push(`${base}_emg.json: ${f} is required`);
    if (!PLACEMENT_SCHEMES.includes(String(sidecar.EMGPlacementScheme)))
      problems.push(`${base}_emg.json: EMGPlacementScheme must be one of ${PLACEMENT_SCHEMES.join(', ')}`);
    if (typeof sidecar.SamplingFrequency !== 'number')
      problems.push(`${base}_emg.json: SamplingFrequency must be a number`);
    else if (rate !== undefined && Math.abs(rate - sidecar.SamplingFrequency) > 1e-6)
      problems.push(`${base}_emg.json: SamplingFrequency ${sidecar.SamplingFrequency} != EDF rate ${rate}`);
    const plf = sidecar.PowerLineFrequency;
    if (!(typeof plf === 'number' || plf === 'n/a'))
      problems.push(`${base}_emg.json: PowerLineFrequency must be a number or n/a`);
    const sf = sidecar.SoftwareFilters;
    if (!(sf === 'n/a' || (sf !== null && typeof sf === 'object')))
      problems.push(`${base}_emg.json: SoftwareFilters must be an object or n/a`);
    if (typeof sidecar.TaskName !== 'string' || !sidecar.TaskName)
      problems.push(`${base}_emg.json: TaskName must be a string`);
  }
  const channels = tree.get(`${base}_channels.tsv`);
  if (channels === undefined) problems.push(`${base}_channels.tsv: missing`);
  else {
    const t = checkTsv(`${base}_channels.tsv`, channels, ['name', 'type', 'units'], problems);
    const names = t.rows.map((r) => r[0]);
    if (names.join(',') !== labels.join(','))
      problems.push(
        `${base}_channels.tsv: names ${names.join(',')} do not match the EDF channels ${labels.join(',')}`,
      );
    for (const r of t.rows)
      if (!CHANNEL_TYPES.includes(r[1] ?? '')) problems.push(`${base}_channels.tsv: type ${r[1]} unknown`);
    const emg = t.rows.filter((r) => r[1] === 'EMG').length;
    if (sidecar && 'EMGChannelCount' in sidecar && sidecar.EMGChannelCount !== emg)
      problems.push(
        `${base}_emg.json: EMGChannelCount ${String(sidecar.EMGChannelCount)} != ${emg} EMG channels`,
      );
  }
}

export function checkBidsDataset(tree: BidsTree): string[] {
  const problems: string[] = [];
  for (const f of TOP_LEVEL) if (!tree.has(f)) problems.push(`${f}: missing`);
  const description = parseJson(tree, 'dataset_description.json', problems);
  if (description && (typeof description.Name !== 'string' || typeof description.BIDSVersion !== 'string'))
    problems.push('dataset_description.json: Name and BIDSVersion are required');
  const derivative = parseJson(tree, `derivatives/${PIPELINE}/dataset_description.json`, problems);
  if (derivative && (derivative.DatasetType !== 'derivative' || !Array.isArray(derivative.GeneratedBy)))
    problems.push(
      'derivative dataset_description.json: DatasetType "derivative" and GeneratedBy are required',
    );

  const subjects = new Set<string>();
  for (const [path, value] of tree) {
    if (TOP_LEVEL.has(path)) continue;
    const raw = RAW_FILE.exec(path);
    if (raw) {
      subjects.add(raw[1]!);
      if (raw[3] === 'emg.edf') checkSession(tree, path, problems);
      continue;
    }
    const derived = DERIVATIVE_FILE.exec(path);
    if (derived) {
      if (derived[3] === 'events.tsv') {
        const t = checkTsv(path, value, ['onset', 'duration'], problems);
        for (const r of t.rows)
          if (!(Number(r[0]) >= 0) || !(Number(r[1]) >= 0))
            problems.push(`${path}: onset and duration must be numbers >= 0`);
        parseJson(tree, path.replace(/\.tsv$/, '.json'), problems);
        const rawEdf = path.slice(`derivatives/${PIPELINE}/`.length).replace(/_events\.tsv$/, '_emg.edf');
        if (!tree.has(rawEdf)) problems.push(`${path}: no raw recording ${rawEdf}`);
      }
      continue;
    }
    problems.push(`${path}: file name does not follow the BIDS rules used here`);
  }
  const participants = tree.get('participants.tsv');
  if (participants !== undefined) {
    const t = checkTsv('participants.tsv', participants, ['participant_id'], problems);
    const listed = new Set(t.rows.map((r) => r[0]));
    for (const s of subjects)
      if (!listed.has(`sub-${s}`)) problems.push(`participants.tsv: sub-${s} is not listed`);
    for (const id of listed)
      if (!subjects.has(String(id).slice(4))) problems.push(`participants.tsv: ${id} has no data`);
  }
  return problems;
}
