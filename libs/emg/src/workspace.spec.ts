// A workspace changes where transient buffers live, never a result: every function that takes
// one gives the same bits with it, without it, and with a workspace a previous call has used;
// and what it returns does not alias the workspace's buffers.
import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { join } from 'node:path';
import { analyzeChannel } from './channel/analyze-channel.js';
import { computeEnvelope, computeEnvelopes } from './envelope.js';
import { GHOSTLY_V1 } from './profiles/ghostly-v1.js';
import { percentile } from './stats/percentile.js';
import { createWorkspace } from './workspace.js';

const file = readC3dFile(join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-28-14-0160.c3d'));
const [ch1, ch2] = file.analog.channels as Float64Array[];
const fs = 990;

describe('Workspace', () => {
  it('percentile: same value with and without a workspace, for both selection paths', () => {
    const ws = createWorkspace();
    for (const x of [ch1!, ch1!.subarray(0, 5000)])
      for (const q of [0, 10, 50, 95, 100])
        expect(Object.is(percentile(x, q, ws), percentile(x, q))).toBe(true);
  });

  it('envelopes: same bits with a used workspace, and results that later calls do not overwrite', () => {
    const ws = createWorkspace();
    const [a1, a2] = computeEnvelopes([ch1!, ch2!], fs, GHOSTLY_V1.envelope, ws);
    const copy = a1!.envelope.slice();
    const single = computeEnvelope(ch2!, fs, GHOSTLY_V1.envelope, ws);
    computeEnvelopes([ch2!, ch1!], fs, GHOSTLY_V1.envelope, ws);
    expect(a1!.envelope).toEqual(copy);
    expect(a1!.envelope).toEqual(computeEnvelope(ch1!, fs, GHOSTLY_V1.envelope).envelope);
    expect(a2!.envelope).toEqual(single.envelope);
  });

  it('analyzeChannel: the same analysis with a shared workspace as with none', () => {
    const ws = createWorkspace();
    const input = (raw: Float64Array, name: string) => ({ name, raw, fs });
    const first = analyzeChannel(input(ch1!, 'CH1'), GHOSTLY_V1, {}, ws);
    const second = analyzeChannel(input(ch2!, 'CH2'), GHOSTLY_V1, {}, ws);
    expect(first).toEqual(analyzeChannel(input(ch1!, 'CH1'), GHOSTLY_V1));
    expect(second).toEqual(analyzeChannel(input(ch2!, 'CH2'), GHOSTLY_V1));
  });
});
