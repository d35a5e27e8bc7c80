// Test-only reference: a plain real-input FFT for power-of-two sizes, one complex radix-2 FFT
// of half the size (one stage at a time, one butterfly at a time, twiddles from one table)
// plus the unpacking step. The tuned segment-power kernel (kernels/segment-power.ts) is tested
// against it; the library itself does not use it. Reuses its buffers between calls.

export class RealFft {
  readonly size: number;
  /** Spectrum bins 0..size/2 after `forward`. Overwritten by the next call. */
  readonly re: Float64Array;
  readonly im: Float64Array;
  private readonly half: number;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;
  private readonly rev: Uint32Array;
  private readonly cosT: Float64Array;
  private readonly sinT: Float64Array;
  private readonly wr: Float64Array;
  private readonly wi: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`RealFft size must be a power of two >= 4, got ${size}`);
    }
    this.size = size;
    const m = (this.half = size >> 1);
    this.re = new Float64Array(m + 1);
    this.im = new Float64Array(m + 1);
    this.zr = new Float64Array(m);
    this.zi = new Float64Array(m);
    this.rev = new Uint32Array(m);
    const bits = Math.log2(m);
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.cosT = new Float64Array(m >> 1 || 1);
    this.sinT = new Float64Array(m >> 1 || 1);
    for (let k = 0; k < m >> 1; k++) {
      this.cosT[k] = Math.cos((2 * Math.PI * k) / m);
      this.sinT[k] = -Math.sin((2 * Math.PI * k) / m);
    }
    this.wr = new Float64Array(m + 1);
    this.wi = new Float64Array(m + 1);
    for (let k = 0; k <= m; k++) {
      this.wr[k] = Math.cos((2 * Math.PI * k) / size);
      this.wi[k] = -Math.sin((2 * Math.PI * k) / size);
    }
  }

  /** Transforms x[0..size) (x must have at least `size` values). */
  forward(x: ArrayLike<number>): void {
    const m = this.half;
    const { zr, zi, rev } = this;
    for (let i = 0; i < m; i++) {
      const j = rev[i]!;
      zr[j] = x[2 * i]!;
      zi[j] = x[2 * i + 1]!;
    }
    this.complexInPlace();
    this.unpack();
  }

  private complexInPlace(): void {
    const m = this.half;
    const { zr, zi, cosT, sinT } = this;
    // first stage: twiddle 1
    for (let p = 0; p < m; p += 2) {
      const r0 = zr[p]!,
        i0 = zi[p]!,
        r1 = zr[p + 1]!,
        i1 = zi[p + 1]!;
      zr[p] = r0 + r1;
      zi[p] = i0 + i1;
      zr[p + 1] = r0 - r1;
      zi[p + 1] = i0 - i1;
    }
    for (let len = 4; len <= m; len <<= 1) {
      const halfLen = len >> 1;
      const stride = m / len;
      for (let start = 0; start < m; start += len) {
        for (let k = 0; k < halfLen; k++) {
          const c = cosT[k * stride]!;
          const s = sinT[k * stride]!;
          const p = start + k;
          const q = p + halfLen;
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
  }

  // X[k] = E[k] + W^k O[k], with E/O the spectra of the even/odd samples recovered from
  // the packed transform Z: E = (Z[k] + conj Z[m-k]) / 2, O = (Z[k] - conj Z[m-k]) / 2i.
  private unpack(): void {
    const m = this.half;
    const { zr, zi, wr, wi, re, im } = this;
    for (let k = 0; k <= m; k++) {
      const a = k === m ? 0 : k;
      const b = k === 0 ? 0 : m - k;
      const er = 0.5 * (zr[a]! + zr[b]!);
      const ei = 0.5 * (zi[a]! - zi[b]!);
      const or = 0.5 * (zi[a]! + zi[b]!);
      const oi = -0.5 * (zr[a]! - zr[b]!);
      re[k] = er + wr[k]! * or - wi[k]! * oi;
      im[k] = ei + wr[k]! * oi + wi[k]! * or;
    }
  }
}
