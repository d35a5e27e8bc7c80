// Speed-tuned kernel: the butterfly stages of the segment-power FFT (kernels/segment-power.ts),
// a radix-2 decimation-in-time complex FFT of size/2 points over SegmentFft's work slots.
//
// Reference: plainSegmentPower (testing/segment-power-reference.ts), one stage and one
// butterfly at a time; every butterfly here does its operations in its order, with the same
// twiddles (exact 1 and -i in the first two stages, the table cos/sin after), so the kernel
// gives its bits (kernels/segment-power.spec.ts).
//
// Why this shape: loadFirstStages fuses the windowed, detrended, bit-reversed load with the
// stages of length 2 and 4 (four slots combined in registers instead of stored and re-read),
// and stagePair runs two radix-2 stages per pass over the slots, halving loads and stores.
import type { SegmentFft } from './segment-fft.js';

/**
 * The load (detrended, windowed samples x[o..o+size) into the complex slots in bit-reversed
 * order) and the butterfly stages of length 2 and 4, in one pass.
 */
export function loadFirstStages(f: SegmentFft, x: ArrayLike<number>, o: number, mean: number): void {
  const { zr, zi, rev, window } = f;
  const m = f.half;
  for (let p = 0; p < m; p += 4) {
    let t = 2 * rev[p]!;
    const r0 = (x[o + t]! - mean) * window[t]!;
    const i0 = (x[o + t + 1]! - mean) * window[t + 1]!;
    t = 2 * rev[p + 1]!;
    const r1 = (x[o + t]! - mean) * window[t]!;
    const i1 = (x[o + t + 1]! - mean) * window[t + 1]!;
    t = 2 * rev[p + 2]!;
    const r2 = (x[o + t]! - mean) * window[t]!;
    const i2 = (x[o + t + 1]! - mean) * window[t + 1]!;
    t = 2 * rev[p + 3]!;
    const r3 = (x[o + t]! - mean) * window[t]!;
    const i3 = (x[o + t + 1]! - mean) * window[t + 1]!;
    // stage 2 (twiddle 1) on slot pairs (0, 1) and (2, 3)
    const ar = r0 + r1,
      ai = i0 + i1;
    const br = r0 - r1,
      bi = i0 - i1;
    const cr = r2 + r3,
      ci = i2 + i3;
    const dr = r2 - r3,
      di = i2 - i3;
    // stage 4: twiddle 1 on (a, c), -i on (b, d)
    zr[p] = ar + cr;
    zi[p] = ai + ci;
    zr[p + 2] = ar - cr;
    zi[p + 2] = ai - ci;
    zr[p + 1] = br + di;
    zi[p + 1] = bi - dr;
    zr[p + 3] = br - di;
    zi[p + 3] = bi + dr;
  }
}

/** Stage pairs from 8 up to, not including, the last single stage (of length half). */
export function middleStages(f: SegmentFft): void {
  for (let len = 8; len * 2 < f.half; len <<= 2) stagePair(f, len);
}

/** Stages 8..half: pairs of radix-2 stages fused, then a last odd one. */
export function laterStages(f: SegmentFft): void {
  const m = f.half;
  let len = 8;
  for (; len * 2 <= m; len <<= 2) stagePair(f, len);
  if (len <= m) stage(f, len);
}

/** Radix-2 stages of lengths len and 2*len in one pass, with exactly their operations. */
export function stagePair(f: SegmentFft, len: number): void {
  const { zr, zi, twr, twi } = f;
  const m = f.half;
  const h = len >> 1;
  const b1 = h - 4;
  const b2 = len - 4;
  for (let k = 0; k < h; k++) {
    const c1 = twr[b1 + k]!,
      s1 = twi[b1 + k]!;
    const c2 = twr[b2 + k]!,
      s2 = twi[b2 + k]!;
    const c3 = twr[b2 + k + h]!,
      s3 = twi[b2 + k + h]!;
    for (let p0 = k; p0 < m; p0 += 2 * len) {
      const p1 = p0 + h,
        p2 = p0 + len,
        p3 = p2 + h;
      // stage len: (p0, p1) and (p2, p3) with W_len^k
      let qr = zr[p1]!,
        qi = zi[p1]!;
      let tr = qr * c1 - qi * s1;
      let ti = qr * s1 + qi * c1;
      const a0r = zr[p0]! + tr,
        a0i = zi[p0]! + ti;
      const a1r = zr[p0]! - tr,
        a1i = zi[p0]! - ti;
      qr = zr[p3]!;
      qi = zi[p3]!;
      tr = qr * c1 - qi * s1;
      ti = qr * s1 + qi * c1;
      const a2r = zr[p2]! + tr,
        a2i = zi[p2]! + ti;
      const a3r = zr[p2]! - tr,
        a3i = zi[p2]! - ti;
      // stage 2*len: (p0, p2) with W_2len^k, (p1, p3) with W_2len^(k+h)
      tr = a2r * c2 - a2i * s2;
      ti = a2r * s2 + a2i * c2;
      zr[p0] = a0r + tr;
      zi[p0] = a0i + ti;
      zr[p2] = a0r - tr;
      zi[p2] = a0i - ti;
      tr = a3r * c3 - a3i * s3;
      ti = a3r * s3 + a3i * c3;
      zr[p1] = a1r + tr;
      zi[p1] = a1i + ti;
      zr[p3] = a1r - tr;
      zi[p3] = a1i - ti;
    }
  }
}

/** One radix-2 stage of length len, its butterflies k = from..to - 1 (all by default). */
export function stage(f: SegmentFft, len: number, from = 0, to = len >> 1): void {
  const { zr, zi, twr, twi } = f;
  const m = f.half;
  const h = len >> 1;
  const base = h - 4;
  for (let k = from; k < to; k++) {
    const c = twr[base + k]!;
    const s = twi[base + k]!;
    for (let p = k; p < m; p += len) {
      const q = p + h;
      const qr = zr[q]!,
        qi = zi[q]!,
        pr = zr[p]!,
        pi = zi[p]!;
      const tr = qr * c - qi * s;
      const ti = qr * s + qi * c;
      zr[q] = pr - tr;
      zi[q] = pi - ti;
      zr[p] = pr + tr;
      zi[p] = pi + ti;
    }
  }
}
