// The physical unit of an EMG channel, from the C3D's ANALOG:UNITS.
import type { C3dFile } from '@app/c3d';

/** ANALOG:UNITS of the channel labelled `name` or `name Raw` (else the first channel's), default V. */
export function analogUnit(file: C3dFile, name?: string): string {
  const labels = file.analog.labels.map((l) => l.trim());
  const i = name ? labels.findIndex((l) => l === name || l === `${name} Raw`) : -1;
  const unit = file.analog.units[i >= 0 ? i : 0]?.trim();
  return unit || 'V';
}
