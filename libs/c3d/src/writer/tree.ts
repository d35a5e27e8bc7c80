/**
 * The parameter tree to write: the caller's groups, with every parameter that describes the
 * data replaced by values computed from the data, so a file can never contradict itself.
 */
import { type GroupSpec, type ParameterSpec } from './spec.js';

const CHUNK = 255;

export interface DataFacts {
  pointCount: number;
  pointScale: number;
  pointRate: number;
  frames: number;
  firstFrame: number;
  dataBlock: number;
  pointLabels: string[];
  pointDescriptions: string[];
  pointUnits: string;
  channels: number;
  analogRate: number;
  analogLabels: string[];
  analogDescriptions: string[];
  analogUnits: string[];
  analogScale: number[];
  analogOffset: number[];
  genScale: number;
  unsigned: boolean;
  events: { label: string; time: number; context: string; description: string }[];
}

function group(groups: GroupSpec[], name: string): GroupSpec {
  let g = groups.find((x) => x.name.toUpperCase() === name);
  if (!g) {
    g = { name, parameters: [] };
    groups.push(g);
  }
  return g;
}

function set(g: GroupSpec, p: ParameterSpec): void {
  const i = g.parameters.findIndex((x) => x.name.toUpperCase() === p.name.toUpperCase());
  const description = p.description ?? (i >= 0 ? g.parameters[i]!.description : undefined);
  const next = { ...p, ...(description !== undefined ? { description } : {}) };
  if (i >= 0) g.parameters[i] = next;
  else g.parameters.push(next);
}

/** NAME, NAME2, NAME3...: vectors longer than 255 entries continue in numbered parameters. */
function setVector(
  g: GroupSpec,
  name: string,
  type: ParameterSpec['type'],
  values: string[] | number[],
): void {
  g.parameters = g.parameters.filter((p) => !new RegExp(`^${name}\\d+$`, 'i').test(p.name));
  const chunks = Math.max(1, Math.ceil(values.length / CHUNK));
  for (let c = 0; c < chunks; c++) {
    const part = values.slice(c * CHUNK, (c + 1) * CHUNK) as string[] | number[];
    const pname = c === 0 ? name : `${name}${c + 1}`;
    if (type === 'char') {
      const width = Math.max(1, ...(part as string[]).map((s) => new TextEncoder().encode(s).length));
      set(g, { name: pname, type, values: part, dims: [width, part.length] });
    } else set(g, { name: pname, type, values: part, dims: [part.length] });
  }
}

function wordPair(v: number): number[] {
  return [v & 0xffff, Math.floor(v / 65536) & 0xffff];
}

export function buildTree(input: GroupSpec[] | undefined, f: DataFacts): GroupSpec[] {
  const groups: GroupSpec[] = (input ?? []).map((g) => ({ ...g, parameters: [...g.parameters] }));
  const point = group(groups, 'POINT');
  set(point, { name: 'USED', type: 'int', values: [f.pointCount] });
  set(point, { name: 'SCALE', type: 'float', values: [f.pointScale] });
  set(point, { name: 'RATE', type: 'float', values: [f.pointRate] });
  set(point, { name: 'DATA_START', type: 'int', values: [f.dataBlock] });
  set(point, { name: 'FRAMES', type: f.frames > 65535 ? 'float' : 'int', values: [f.frames] });
  set(point, { name: 'UNITS', type: 'char', values: [f.pointUnits] });
  setVector(point, 'LABELS', 'char', f.pointLabels);
  setVector(point, 'DESCRIPTIONS', 'char', f.pointDescriptions);
  if (f.frames > 65535 || f.firstFrame > 65535) {
    set(point, { name: 'LONG_FRAMES', type: 'float', values: [f.frames] });
    const trial = group(groups, 'TRIAL');
    set(trial, { name: 'ACTUAL_START_FIELD', type: 'int', values: wordPair(f.firstFrame), dims: [2] });
    set(trial, {
      name: 'ACTUAL_END_FIELD',
      type: 'int',
      values: wordPair(f.firstFrame + f.frames - 1),
      dims: [2],
    });
  }
  const analog = group(groups, 'ANALOG');
  set(analog, { name: 'USED', type: 'int', values: [f.channels] });
  set(analog, { name: 'RATE', type: 'float', values: [f.analogRate] });
  set(analog, { name: 'GEN_SCALE', type: 'float', values: [f.genScale] });
  set(analog, { name: 'FORMAT', type: 'char', values: [f.unsigned ? 'UNSIGNED' : 'SIGNED'] });
  setVector(analog, 'LABELS', 'char', f.analogLabels);
  setVector(analog, 'DESCRIPTIONS', 'char', f.analogDescriptions);
  setVector(analog, 'UNITS', 'char', f.analogUnits);
  setVector(analog, 'SCALE', 'float', f.analogScale);
  const intOffsets = f.analogOffset.every((o) => Number.isInteger(o) && o >= -32768 && o <= 65535);
  setVector(analog, 'OFFSET', intOffsets ? 'int' : 'float', f.analogOffset);
  if (f.events.length > 0) writeEvents(group(groups, 'EVENT'), f.events);
  return groups;
}

function writeEvents(g: GroupSpec, events: DataFacts['events']): void {
  set(g, { name: 'USED', type: 'int', values: [events.length] });
  const times = events.flatMap((e) => [Math.floor(e.time / 60), e.time - 60 * Math.floor(e.time / 60)]);
  set(g, { name: 'TIMES', type: 'float', values: times, dims: [2, events.length] });
  setVector(
    g,
    'LABELS',
    'char',
    events.map((e) => e.label),
  );
  setVector(
    g,
    'CONTEXTS',
    'char',
    events.map((e) => e.context),
  );
  setVector(
    g,
    'DESCRIPTIONS',
    'char',
    events.map((e) => e.description),
  );
}
