/** Full-wave rectification |x| into `out` (allocated when omitted; may alias x). */
export function rectify(x: ArrayLike<number>, out: Float64Array = new Float64Array(x.length)): Float64Array {
  for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]!);
  return out;
}
