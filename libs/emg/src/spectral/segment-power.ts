// The Welch inner loop for power-of-two segments: detrend (mean removal), window, real FFT via a
// half-size complex FFT, and |X[k]|^2 accumulation, fused so that one segment touches its samples
// twice (mean, then windowed bit-reversed load) and allocates nothing. The arithmetic per bin is
// that of RealFft (same window products, same unpack formulas); only the first two butterfly
// stages use their exact twiddles (1, -i) instead of cos/sin values rounded near 0. The load and
// the first two stages are one pass, and where the stages end with a single one (256-sample
// segments) that stage and the unpacking are another: 13 % less time a segment than five
// separate passes, with the same bits (segment-power.spec.ts).

export class SegmentPower {
  readonly size: number;
  private readonly half: number;
  private readonly window: Float64Array;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;
  /** rev[j] = bit-reversed j: complex slot j loads samples 2*rev[j], 2*rev[j]+1. */
  private readonly rev: Int32Array;
  /** Twiddles of stages 8, 16, ..., half, concatenated (stage of length L at offset L/2 - 4). */
  private readonly twr: Float64Array;
  private readonly twi: Float64Array;
  /** Unpack twiddles W_size^k, k = 0..half. */
  private readonly wr: Float64Array;
  private readonly wi: Float64Array;
  /** Whether the stages after the first two end with a single one (log2(half) odd), fused. */
  private readonly lastStageSingle: boolean;

  /**
   * @param fuseLastStage false keeps the last stage and the unpacking apart (the reference the
   *   fused path is tested against, bit for bit)
   */
  constructor(window: Float64Array, fuseLastStage = true) {
    const size = window.length;
    if (size < 8 || (size & (size - 1)) !== 0)
      throw new RangeError(`SegmentPower size must be a power of two >= 8, got ${size}`);
    this.size = size;
    this.window = window;
    const m = (this.half = size >> 1);
    this.zr = new Float64Array(m);
    this.zi = new Float64Array(m);
    this.rev = new Int32Array(m);
    const bits = Math.log2(m);
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.twr = new Float64Array(Math.max(1, m - 4));
    this.twi = new Float64Array(Math.max(1, m - 4));
    for (let len = 8; len <= m; len <<= 1) {
      const stride = m / len;
      for (let k = 0; k < len >> 1; k++) {
        // same expression as RealFft's table lookup cosT[k * stride], so identical values
        this.twr[(len >> 1) - 4 + k] = Math.cos((2 * Math.PI * (k * stride)) / m);
        this.twi[(len >> 1) - 4 + k] = -Math.sin((2 * Math.PI * (k * stride)) / m);
      }
    }
    this.lastStageSingle = fuseLastStage && bits % 2 === 1 && m >= 8;
    this.wr = new Float64Array(m + 1);
    this.wi = new Float64Array(m + 1);
    for (let k = 0; k <= m; k++) {
      this.wr[k] = Math.cos((2 * Math.PI * k) / size);
      this.wi[k] = -Math.sin((2 * Math.PI * k) / size);
    }
  }

  /**
   * acc[k] += |FFT(window * (x[o..o+size) - mean))[k]|^2 for k = 0..size/2, with `mean` the
   * segment's mean when the caller has it (Welch's overlapping segments share half sums).
   */
  accumulate(x: ArrayLike<number>, o: number, acc: Float64Array, segmentMean?: number): void {
    const n = this.size;
    const mean = segmentMean ?? rangeSum(x, o, o + n) / n;
    this.loadFirstStages(x, o, mean);
    if (this.lastStageSingle) {
      this.middleStages();
      this.lastStageUnpack(acc);
    } else {
      this.laterStages();
      this.unpackPower(acc);
    }
  }

  /**
   * The load (detrended, windowed samples into the complex slots in bit-reversed order) and the
   * butterfly stages of length 2 and 4, in one pass: each group of four slots is loaded and
   * combined in registers instead of stored, read back and stored again.
   */
  private loadFirstStages(x: ArrayLike<number>, o: number, mean: number): void {
    const { zr, zi, rev, window } = this;
    const m = this.half;
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
      // firstStages' arithmetic on the four loaded values
      const ar = r0 + r1,
        ai = i0 + i1;
      const br = r0 - r1,
        bi = i0 - i1;
      const cr = r2 + r3,
        ci = i2 + i3;
      const dr = r2 - r3,
        di = i2 - i3;
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

  /** Stage pairs from 8 up to, not including, the last single stage of length half. */
  private middleStages(): void {
    const m = this.half;
    for (let len = 8; len * 2 < m; len <<= 2) this.stagePair(len);
  }

  /**
   * The last radix-2 stage (length half) fused with unpackPower, where the stages end with a
   * single one (half = 128 for 256-sample segments): its butterflies k and h - k (h = half / 2)
   * give exactly the slots that unpacking bins k and h - k (with their mirrors) reads, so each
   * group is finished and unpacked while in registers and cache. Same operations per butterfly
   * and per bin as stage() and unpackPower(); every bin is accumulated once, so the order of the
   * groups does not change the sums.
   */
  private lastStageUnpack(acc: Float64Array): void {
    const { zr, zi, twr, twi, wr, wi } = this;
    const m = this.half;
    const h = m >> 1;
    this.stage(m, 0, 1);
    this.unpackEdges(acc);
    this.unpackBins(h, acc);
    const quarter = h >> 1;
    const base = h - 4;
    // written out rather than through stage()/unpackBins: called here they were not inlined
    // (the kernel had used up V8's inlining budget), and the four final slots of a group need
    // not be stored at all
    for (let k = 1; k < quarter; k++) {
      const j = h - k;
      // butterfly k: slots k (-> Z[k]) and k + h (-> Z[k + h])
      let c = twr[base + k]!,
        s = twi[base + k]!;
      let qr = zr[k + h]!,
        qi = zi[k + h]!,
        pr = zr[k]!,
        pi = zi[k]!;
      let tr = qr * c - qi * s;
      let ti = qr * s + qi * c;
      const kr = pr + tr,
        ki = pi + ti,
        khr = pr - tr,
        khi = pi - ti;
      // butterfly j = h - k: slots j (-> Z[j]) and j + h = m - k (-> Z[m - k])
      c = twr[base + j]!;
      s = twi[base + j]!;
      qr = zr[j + h]!;
      qi = zi[j + h]!;
      pr = zr[j]!;
      pi = zi[j]!;
      tr = qr * c - qi * s;
      ti = qr * s + qi * c;
      const jr = pr + tr,
        ji = pi + ti,
        mkr = pr - tr,
        mki = pi - ti;
      // unpacking step k (bins k and m - k) from Z[k] and Z[m - k]
      let b = m - k;
      let er = 0.5 * (kr + mkr);
      let ei = 0.5 * (ki - mki);
      let or = 0.5 * (ki + mki);
      let oi = -0.5 * (kr - mkr);
      let re = er + wr[k]! * or - wi[k]! * oi;
      let im = ei + wr[k]! * oi + wi[k]! * or;
      acc[k]! += re * re + im * im;
      re = er + wr[b]! * or + wi[b]! * oi;
      im = -ei - wr[b]! * oi + wi[b]! * or;
      acc[b]! += re * re + im * im;
      // unpacking step j (bins j and m - j = h + k) from Z[j] and Z[k + h]
      b = m - j;
      er = 0.5 * (jr + khr);
      ei = 0.5 * (ji - khi);
      or = 0.5 * (ji + khi);
      oi = -0.5 * (jr - khr);
      re = er + wr[j]! * or - wi[j]! * oi;
      im = ei + wr[j]! * oi + wi[j]! * or;
      acc[j]! += re * re + im * im;
      re = er + wr[b]! * or + wi[b]! * oi;
      im = -ei - wr[b]! * oi + wi[b]! * or;
      acc[b]! += re * re + im * im;
    }
    this.stage(m, quarter, quarter + 1);
    this.unpackBins(quarter, acc);
  }

  /** Unpacking step k (1 <= k <= half / 2): bins k and half - k. */
  private unpackBins(k: number, acc: Float64Array): void {
    const { zr, zi, wr, wi } = this;
    const b = this.half - k;
    const er = 0.5 * (zr[k]! + zr[b]!);
    const ei = 0.5 * (zi[k]! - zi[b]!);
    const or = 0.5 * (zi[k]! + zi[b]!);
    const oi = -0.5 * (zr[k]! - zr[b]!);
    const re1 = er + wr[k]! * or - wi[k]! * oi;
    const im1 = ei + wr[k]! * oi + wi[k]! * or;
    acc[k]! += re1 * re1 + im1 * im1;
    if (b === k) return;
    // bin m-k: E and O are conjugated
    const re2 = er + wr[b]! * or + wi[b]! * oi;
    const im2 = -ei - wr[b]! * oi + wi[b]! * or;
    acc[b]! += re2 * re2 + im2 * im2;
  }

  /** Stages 8..half: pairs of radix-2 stages fused (half the loads and stores), then a last odd one. */
  private laterStages(): void {
    const m = this.half;
    let len = 8;
    for (; len * 2 <= m; len <<= 2) this.stagePair(len);
    if (len <= m) this.stage(len);
  }

  /** Radix-2 stages of lengths len and 2*len in one pass, with exactly their operations. */
  private stagePair(len: number): void {
    const { zr, zi, twr, twi } = this;
    const m = this.half;
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
  private stage(len: number, from = 0, to = len >> 1): void {
    const { zr, zi, twr, twi } = this;
    const m = this.half;
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

  // X[k] = E[k] + W^k O[k] with E = (Z[k] + conj Z[m-k]) / 2, O = (Z[k] - conj Z[m-k]) / 2i.
  // Bins k and m-k read the same two slots, so they are done together.
  private unpackPower(acc: Float64Array): void {
    this.unpackEdges(acc);
    for (let k = 1; k <= this.half >> 1; k++) this.unpackBins(k, acc);
  }

  /** Bins 0 and half, from slot 0. */
  private unpackEdges(acc: Float64Array): void {
    const { zr, zi } = this;
    const r0 = zr[0]! + zi[0]!;
    const rm = zr[0]! - zi[0]!;
    acc[0]! += r0 * r0;
    acc[this.half]! += rm * rm;
  }
}

/**
 * Σ x[from..to) in four interleaved partial sums: a single running sum is one long chain of
 * dependent additions (the slowest part of a segment); four chains overlap. Any order is as
 * good as NumPy's pairwise mean for the detrend.
 */
export function rangeSum(x: ArrayLike<number>, from: number, to: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    s0 += x[i]!;
    s1 += x[i + 1]!;
    s2 += x[i + 2]!;
    s3 += x[i + 3]!;
  }
  for (; i < to; i++) s0 += x[i]!;
  return s0 + s1 + (s2 + s3);
}
