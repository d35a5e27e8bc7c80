// The real-input DFT by its definition, X[k] = Σ x[t] e^(-2πi kt/n) for k = 0..re.length-1:
// O(n^2), any n. Welch uses it for segment lengths the FFT kernel does not take (not a power of
// two >= 8, e.g. a SENIAM contraction of 200 samples); those spectra are SciPy-checked with it,
// so it is the production path for those lengths, not only a reference.

export function realDft(x: ArrayLike<number>, re: Float64Array, im: Float64Array): void {
  const n = x.length;
  for (let k = 0; k < re.length; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      // (k t) mod n keeps the angle in [0, 2π), where cos and sin are most accurate
      const ang = (-2 * Math.PI * ((k * t) % n)) / n;
      sr += x[t]! * Math.cos(ang);
      si += x[t]! * Math.sin(ang);
    }
    re[k] = sr;
    im[k] = si;
  }
}
