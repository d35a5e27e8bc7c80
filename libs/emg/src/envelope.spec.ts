// computeEnvelopes (channels filtered in pairs) must equal computeEnvelope per channel, bit for bit.
import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { join } from 'node:path';
import { computeEnvelope, computeEnvelopes } from './envelope.js';
import { GHOSTLY_V1 } from './profiles/ghostly-v1.js';

const params = GHOSTLY_V1.envelope;
const file = readC3dFile(join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-28-14-0160.c3d'));
const [ch1, ch2] = file.analog.channels as Float64Array[];

function expectSameAsSingle(raws: Float64Array[], fs = 990): void {
  const paired = computeEnvelopes(raws, fs, params);
  expect(paired).toHaveLength(raws.length);
  raws.forEach((raw, i) => {
    const single = computeEnvelope(raw, fs, params);
    expect(paired[i]!.steps).toEqual(single.steps);
    expect(paired[i]!.smoothingWindowSamples).toBe(single.smoothingWindowSamples);
    // toEqual on typed arrays compares every element with Object.is semantics
    expect(paired[i]!.envelope).toEqual(single.envelope);
  });
}

describe('computeEnvelopes', () => {
  it('equals computeEnvelope for both GHOSTLY channels', () => {
    expectSameAsSingle([ch1!, ch2!]);
  });

  it('pairs equal lengths only and keeps the input order', () => {
    const short = ch1!.subarray(0, 5000);
    expectSameAsSingle([ch1!, short, ch2!]);
    expectSameAsSingle([short, ch2!.subarray(0, 5000), ch1!]);
  });

  it('returns fresh envelopes that later calls do not overwrite', () => {
    const [a] = computeEnvelopes([ch1!, ch2!], 990, params);
    const copy = a!.envelope.slice();
    computeEnvelopes([ch2!, ch1!], 990, params);
    expect(a!.envelope).toEqual(copy);
  });

  it('falls back to single filtering when a cut-off is at or above Nyquist', () => {
    expectSameAsSingle([ch1!.subarray(0, 3000), ch2!.subarray(0, 3000)], 30);
  });

  it('raises the single-signal error for signals shorter than the filter padding', () => {
    const tiny = [new Float64Array(10).fill(1), new Float64Array(10).fill(2)];
    expect(() => computeEnvelope(tiny[0]!, 990, params)).toThrow(RangeError);
    expect(() => computeEnvelopes(tiny, 990, params)).toThrow(RangeError);
  });
});
