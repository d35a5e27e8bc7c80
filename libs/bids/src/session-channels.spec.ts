import { describe, expect, it } from '@jest/globals';
import { edfLabels, toMicrovolts } from './session-channels.js';

describe('channel names and units', () => {
  it('EDF labels: printable ASCII, at most 16 characters, no trailing space, unique', () => {
    expect(
      edfLabels(['CH1', 'Proximal vastus lateralis', 'Proximal vastus medialis', 'Muscle\u00e9']),
    ).toEqual(['CH1', 'Proximal vastus', 'Proximal vastu~2', 'Muscle_']);
  });

  it('units: volts in uV; an empty unit is volts only when the values can be volts', () => {
    expect(toMicrovolts('V')).toEqual({ factor: 1e6, unit: 'uV', emg: true });
    expect(toMicrovolts('mV')).toEqual({ factor: 1e3, unit: 'uV', emg: true });
    expect(toMicrovolts('\u00b5V')).toEqual({ factor: 1, unit: 'uV', emg: true });
    expect(toMicrovolts('', Float64Array.of(-0.0013, 0.0014))).toEqual({
      factor: 1e6,
      unit: 'uV',
      emg: true,
    });
    // a near miss: raw counts without a unit are not volts
    expect(toMicrovolts('', Float64Array.of(0, 2048))).toEqual({ factor: 1, unit: 'n/a', emg: true });
    expect(toMicrovolts('N')).toEqual({ factor: 1, unit: 'N', emg: false });
  });
});
