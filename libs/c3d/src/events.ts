/** Events: the EVENT parameter group when it has entries, else the header's four-character events. */
import { concatenated, numbersOf, unsignedOf, type ParameterSource } from './lookup.js';
import { type C3dEvent, type C3dHeader } from './types.js';

export function readEvents(header: C3dHeader, groups: ParameterSource): C3dEvent[] {
  const fromParams = parameterEvents(groups);
  if (fromParams.length > 0) return fromParams;
  return header.events.map((e) => ({
    label: e.label,
    time: e.time,
    context: '',
    description: '',
    source: 'header' as const,
  }));
}

function parameterEvents(groups: ParameterSource): C3dEvent[] {
  const times = numbersOf(groups, 'EVENT', 'TIMES');
  if (!times) return [];
  // TIMES is [2, n]: minutes then seconds, so long recordings keep float precision.
  const count = Math.min(
    unsignedOf(groups, 'EVENT', 'USED') ?? Math.floor(times.length / 2),
    Math.floor(times.length / 2),
  );
  const labels = concatenated<string>(groups, 'EVENT', 'LABELS') ?? [];
  const contexts = concatenated<string>(groups, 'EVENT', 'CONTEXTS') ?? [];
  const descriptions = concatenated<string>(groups, 'EVENT', 'DESCRIPTIONS') ?? [];
  const out: C3dEvent[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      label: labels[i] ?? '',
      time: times[2 * i]! * 60 + times[2 * i + 1]!,
      context: contexts[i] ?? '',
      description: descriptions[i] ?? '',
      source: 'parameters',
    });
  }
  return out;
}
