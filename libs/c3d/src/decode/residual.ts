/**
 * The fourth word of a point's frame: a float (or integer) holding a 16-bit word, the camera
 * mask in its high byte and the residual in its low byte, the residual in units of
 * |POINT:SCALE|. A negative word (or NaN) marks the point invalid: residual -1, no cameras.
 *
 * Tested against: the residual rule of referenceSamples (decode/reference/samples.ts), bit for
 * bit through every split (samples-vs-reference.spec.ts: valid, negative, NaN and oversized
 * residual words).
 *
 * Why shaped so: one small helper for every split loop, which V8 inlines into each; the loops
 * hold it in a local so that it is not re-read through its module cell every iteration.
 */
export function putResidual(
  w: number,
  at: number,
  o: number,
  resScale: number,
  out: Float32Array,
  masks: Uint8Array,
): void {
  if (w < 0 || w !== w) {
    out[at] = -1;
    masks[o] = 0;
  } else {
    const iw = w | 0;
    out[at] = (iw & 0xff) * resScale;
    masks[o] = (iw >> 8) & 0xff;
  }
}
