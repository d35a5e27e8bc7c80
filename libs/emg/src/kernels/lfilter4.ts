// Speed-tuned kernel: order-4 direct-form-II-transposed IIR filtering in place (the envelope's
// Butterworth high-pass and low-pass), forward or backward, one signal or two at once.
//
// Reference: lfilterGeneral in filters/lfilter.ts, the plain loop over a state array. Both
// kernels give its bits exactly (kernels/lfilter4.spec.ts compares every sample and the final
// state with Object.is).
//
// Why this shape: the recursion is a chain of dependent multiply-adds, so its speed is set by
// latency, not by the number of operations. Keeping the four state values in locals instead of
// an array removes a load and a store per state value and sample. lfilter4Pair runs two
// independent recursions (two channels with the same coefficients) in one loop, so the
// processor overlaps the two chains instead of waiting on one. Every expression is the one of
// the reference, in the same order, which is what keeps the bits.

/** Order-4 case of lfilterGeneral: b and a normalised, length 5; z of length 4 (updated). */
export function lfilter4(
  b: Float64Array,
  a: Float64Array,
  x: Float64Array,
  z: Float64Array,
  reverse: boolean,
): void {
  const b0 = b[0]!,
    b1 = b[1]!,
    b2 = b[2]!,
    b3 = b[3]!,
    b4 = b[4]!;
  const a1 = a[1]!,
    a2 = a[2]!,
    a3 = a[3]!,
    a4 = a[4]!;
  let z0 = z[0]!,
    z1 = z[1]!,
    z2 = z[2]!,
    z3 = z[3]!;
  const n = x.length;
  const start = reverse ? n - 1 : 0;
  const step = reverse ? -1 : 1;
  for (let t = 0, i = start; t < n; t++, i += step) {
    const xi = x[i]!;
    const yi = b0 * xi + z0;
    z0 = b1 * xi + z1 - a1 * yi;
    z1 = b2 * xi + z2 - a2 * yi;
    z2 = b3 * xi + z3 - a3 * yi;
    z3 = b4 * xi - a4 * yi;
    x[i] = yi;
  }
  z[0] = z0;
  z[1] = z1;
  z[2] = z2;
  z[3] = z3;
}

/** lfilter4 of x (state z) and u (state w), equal lengths, the two recursions interleaved. */
export function lfilter4Pair(
  b: Float64Array,
  a: Float64Array,
  x: Float64Array,
  z: Float64Array,
  u: Float64Array,
  w: Float64Array,
  reverse: boolean,
): void {
  const b0 = b[0]!,
    b1 = b[1]!,
    b2 = b[2]!,
    b3 = b[3]!,
    b4 = b[4]!;
  const a1 = a[1]!,
    a2 = a[2]!,
    a3 = a[3]!,
    a4 = a[4]!;
  let z0 = z[0]!,
    z1 = z[1]!,
    z2 = z[2]!,
    z3 = z[3]!;
  let w0 = w[0]!,
    w1 = w[1]!,
    w2 = w[2]!,
    w3 = w[3]!;
  const n = x.length;
  const start = reverse ? n - 1 : 0;
  const step = reverse ? -1 : 1;
  for (let t = 0, i = start; t < n; t++, i += step) {
    const xi = x[i]!;
    const ui = u[i]!;
    const yi = b0 * xi + z0;
    const vi = b0 * ui + w0;
    z0 = b1 * xi + z1 - a1 * yi;
    w0 = b1 * ui + w1 - a1 * vi;
    z1 = b2 * xi + z2 - a2 * yi;
    w1 = b2 * ui + w2 - a2 * vi;
    z2 = b3 * xi + z3 - a3 * yi;
    w2 = b3 * ui + w3 - a3 * vi;
    z3 = b4 * xi - a4 * yi;
    w3 = b4 * ui - a4 * vi;
    x[i] = yi;
    u[i] = vi;
  }
  z[0] = z0;
  z[1] = z1;
  z[2] = z2;
  z[3] = z3;
  w[0] = w0;
  w[1] = w1;
  w[2] = w2;
  w[3] = w3;
}
