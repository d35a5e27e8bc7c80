/**
 * Periodic Hann window of length n (scipy.signal.get_window('hann', n), fftbins=True):
 * the symmetric window of n + 1 points without its last point, evaluated as SciPy does,
 * 0.5 + 0.5 cos(phi) on phi = linspace(-pi, pi, n + 1).
 */
export function hannPeriodic(n: number): Float64Array {
  const w = new Float64Array(n);
  if (n === 1) {
    w[0] = 1;
    return w;
  }
  const step = (2 * Math.PI) / n;
  for (let k = 0; k < n; k++) w[k] = 0.5 + 0.5 * Math.cos(k * step - Math.PI);
  return w;
}
