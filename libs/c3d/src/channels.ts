/** Labels, units and scaling of points and analog channels, from POINT and ANALOG parameters. */
import { type C3dWarning } from './errors.js';
import { concatenated, findParameter, numberOf, stringOf, type ParameterSource } from './lookup.js';
import { type AnalogScaling } from './decode/index.js';
import { type C3dAnalogInfo } from './types.js';

export interface ChannelInfo extends C3dAnalogInfo {
  /** The same scaling as typed arrays, for the sample decoder. */
  scaling: AnalogScaling;
}

function fit(values: string[] | undefined, count: number, fill: (i: number) => string): string[] {
  const out = (values ?? []).slice(0, count);
  for (let i = out.length; i < count; i++) out.push(fill(i));
  return out;
}

export function pointNames(
  groups: ParameterSource,
  count: number,
): { labels: string[]; descriptions: string[]; units?: string } {
  const units = stringOf(groups, 'POINT', 'UNITS');
  return {
    labels: fit(concatenated<string>(groups, 'POINT', 'LABELS'), count, (i) => `Point${i + 1}`),
    descriptions: fit(concatenated<string>(groups, 'POINT', 'DESCRIPTIONS'), count, () => ''),
    ...(units !== undefined ? { units } : {}),
  };
}

export function analogInfo(groups: ParameterSource, count: number, warnings: C3dWarning[]): ChannelInfo {
  const format = stringOf(groups, 'ANALOG', 'FORMAT');
  const unsigned = format?.toUpperCase() === 'UNSIGNED';
  const genScale = numberOf(groups, 'ANALOG', 'GEN_SCALE') ?? 1;
  const scales = numeric(groups, 'SCALE');
  const offsets = numeric(groups, 'OFFSET');
  if (count > 0 && findParameter(groups, 'ANALOG', 'SCALE') && scales.length < count) {
    warnings.push({
      code: 'analog_scale_short',
      message: `ANALOG:SCALE has ${scales.length} entries for ${count} channels; using 1`,
    });
  }
  if (count > 0 && findParameter(groups, 'ANALOG', 'OFFSET') && offsets.length < count) {
    warnings.push({
      code: 'analog_offset_short',
      message: `ANALOG:OFFSET has ${offsets.length} entries for ${count} channels; using 0`,
    });
  }
  const scale: number[] = [];
  const offset: number[] = [];
  const factor = new Float64Array(count);
  const offsetArray = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const s = scales[c] ?? 1;
    // UNSIGNED files store offsets as uint16 words; writers often show them as negative int16.
    let o = offsets[c] ?? 0;
    if (unsigned && o < 0) o += 65536;
    scale.push(s);
    offset.push(o);
    factor[c] = s * genScale;
    offsetArray[c] = o;
  }
  return {
    labels: fit(concatenated<string>(groups, 'ANALOG', 'LABELS'), count, (i) => `Channel${i + 1}`),
    descriptions: fit(concatenated<string>(groups, 'ANALOG', 'DESCRIPTIONS'), count, () => ''),
    units: fit(concatenated<string>(groups, 'ANALOG', 'UNITS'), count, () => ''),
    scale,
    offset,
    genScale,
    unsigned,
    scaling: { offset: offsetArray, factor, unsigned },
  };
}

function numeric(groups: ParameterSource, name: string): number[] {
  const p = findParameter(groups, 'ANALOG', name);
  if (!p || p.type === 'char') return [];
  return concatenated<number>(groups, 'ANALOG', name) ?? [];
}
