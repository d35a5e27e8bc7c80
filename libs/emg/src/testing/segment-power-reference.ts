// Test-only reference of the segment-power kernel (kernels/segment-power.ts), written plainly:
// acc[k] += |X[k]|^2, k = 0..size/2, for X the real FFT of window * (x[o..o+size) - mean).
// The real FFT is a complex radix-2 FFT of size/2 points over (even, odd) sample pairs, one
// stage and one butterfly at a time, followed by the usual unpacking one bin at a time.
//
// Twiddles: the first two stages multiply by the exact factors 1 and -i (a radix-2 FFT's
// trivial twiddles); later stages by cos/sin(2 pi j / (size/2)); the unpacking by
// cos/sin(2 pi k / size), with X[0] = E[0] + O[0] and X[size/2] = E[0] - O[0] (W = 1 and -1).

export function plainSegmentPower(
  x: ArrayLike<number>,
  o: number,
  window: Float64Array,
  mean: number,
  acc: Float64Array,
): void {
  const n = window.length;
  const m = n / 2;
  const bits = Math.log2(m);
  const zr = new Float64Array(m);
  const zi = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const t = 2 * bitReverse(j, bits);
    zr[j] = (x[o + t]! - mean) * window[t]!;
    zi[j] = (x[o + t + 1]! - mean) * window[t + 1]!;
  }
  for (let len = 2; len <= m; len *= 2) {
    for (let start = 0; start < m; start += len) {
      for (let k = 0; k < len / 2; k++) {
        const p = start + k;
        const q = p + len / 2;
        const [tr, ti] = twiddled(zr[q]!, zi[q]!, k, len, m);
        const pr = zr[p]!;
        const pi = zi[p]!;
        zr[q] = pr - tr;
        zi[q] = pi - ti;
        zr[p] = pr + tr;
        zi[p] = pi + ti;
      }
    }
  }
  acc[0]! += (zr[0]! + zi[0]!) ** 2;
  acc[m]! += (zr[0]! - zi[0]!) ** 2;
  for (let k = 1; k < m; k++) {
    const b = m - k;
    const er = 0.5 * (zr[k]! + zr[b]!);
    const ei = 0.5 * (zi[k]! - zi[b]!);
    const or = 0.5 * (zi[k]! + zi[b]!);
    const oi = -0.5 * (zr[k]! - zr[b]!);
    const wr = Math.cos((2 * Math.PI * k) / n);
    const wi = -Math.sin((2 * Math.PI * k) / n);
    const re = er + wr * or - wi * oi;
    const im = ei + wr * oi + wi * or;
    acc[k]! += re * re + im * im;
  }
}

/** (qr + i qi) * W_len^k, W_len = e^(-2 pi i / len). */
function twiddled(qr: number, qi: number, k: number, len: number, m: number): [number, number] {
  if (k === 0) return [qr, qi];
  if (len === 4) return [qi, -qr]; // k = 1: W_4 = -i
  const j = k * (m / len);
  const c = Math.cos((2 * Math.PI * j) / m);
  const s = -Math.sin((2 * Math.PI * j) / m);
  return [qr * c - qi * s, qr * s + qi * c];
}

function bitReverse(j: number, bits: number): number {
  let r = 0;
  for (let b = 0; b < bits; b++) r |= ((j >> b) & 1) << (bits - 1 - b);
  return r;
}
