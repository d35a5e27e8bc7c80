/**
 * Which analog channels of a file are EMG, and whether the file says which muscles are left and
 * right. A channel is skipped (with a warning) when its unit is not a voltage or its label names
 * another signal (accelerometer, force, moment, torque, angle, trigger). The two-muscle scores
 * (left/right symmetry, compliance) need to know the sides: a GHOSTLY recording has them by
 * layout (CH1 left, CH2 right); any other file needs a --muscles LEFT,RIGHT mapping.
 */
import type { C3dFile } from '@app/c3d';

export interface SkippedChannel {
  label: string;
  unit: string;
  reason: string;
}

export interface CliWarning {
  code: string;
  message: string;
}

const VOLTS = /^(v|volts?|mv|millivolts?|uv|µv|μv|microvolts?)$/i;
const NOT_EMG_LABEL =
  /^(acc|gyro|mag)|accel|force|moment|torque|angle|trigger|sync|foot ?switch|^[FM]\d*\s*[XYZ]$/i;

function reasonToSkip(label: string, unit: string): string | null {
  const u = unit.trim();
  if (u !== '' && !VOLTS.test(u)) return `unit "${u}" is not a voltage`;
  if (NOT_EMG_LABEL.test(label.trim())) return `label "${label.trim()}" names a non-EMG signal`;
  return null;
}

/** The file with only its EMG analog channels, and the channels left out. */
export function selectEmgChannels(file: C3dFile): { file: C3dFile; skipped: SkippedChannel[] } {
  const a = file.analog;
  const keep: number[] = [];
  const skipped: SkippedChannel[] = [];
  a.labels.forEach((label, i) => {
    const unit = a.units[i] ?? '';
    const reason = reasonToSkip(label, unit);
    if (reason) skipped.push({ label, unit, reason });
    else keep.push(i);
  });
  if (skipped.length === 0) return { file, skipped };
  const pick = <T>(xs: readonly T[]): T[] => keep.filter((i) => i < xs.length).map((i) => xs[i]!);
  return {
    file: {
      ...file,
      analog: {
        ...a,
        labels: pick(a.labels),
        descriptions: pick(a.descriptions),
        units: pick(a.units),
        scale: pick(a.scale),
        offset: pick(a.offset),
        channels: pick(a.channels),
      },
    },
    skipped,
  };
}

/** GHOSTLY's two-muscle layout: exactly the channels CH1 (left) and CH2 (right). */
export function hasGhostlyLayout(channelNames: string[]): boolean {
  return channelNames.length === 2 && channelNames[0] === 'CH1' && channelNames[1] === 'CH2';
}

/** `--muscles LEFT,RIGHT`: two distinct channel names. */
export function parseMuscles(value: string): [string, string] | string {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0] === parts[1]) {
    return '--muscles needs two different channel names: LEFT,RIGHT';
  }
  return [parts[0], parts[1]];
}
