/**
 * The speed-tuned decoding kernels, behind this interface: the data section into typed arrays,
 * parameter and header strings, and the reader's parameter index. The rest of the reader knows
 * nothing of how they work. Every kernel is tested bit for bit against a plain reference in
 * decode/reference/ (or, for the index, the linear scan of lookup.ts).
 */
import { channelViews, emptyPoints } from './output.js';
import { type Samples } from './samples.js';

export { decodeSamples, type AnalogScaling, type Samples } from './samples.js';
export { type PointArrays } from './output.js';
export { decodeString } from './text.js';
export { SectionText } from './section-text.js';
export { ParameterIndex } from './parameter-index.js';

/** The header-only path's sample arrays: every array empty, as many as the layout declares. */
export function emptySamples(pointCount: number, channels: number): Samples {
  return { points: emptyPoints(pointCount), channels: channelViews(channels, 0).views };
}
