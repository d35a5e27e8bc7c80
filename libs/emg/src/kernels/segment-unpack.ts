// Speed-tuned kernel: the real-FFT unpacking of the segment-power kernel (kernels/segment-power.ts),
// turning the half-size complex FFT Z in SegmentFft's slots into |X[k]|^2 of the real signal,
// added to acc[k] for k = 0..half. With E and O the spectra of the even and odd samples,
// X[k] = E[k] + W^k O[k], E = (Z[k] + conj Z[m-k]) / 2, O = (Z[k] - conj Z[m-k]) / 2i.
//
// Reference: the unpacking loop of plainSegmentPower (testing/segment-power-reference.ts), one
// bin at a time; the kernel gives its bits (kernels/segment-power.spec.ts). unpackPower is the
// unfused form, lastStageUnpack the fused one, tested bit for bit against each other as well.
//
// Why this shape: bins k and m-k read the same two slots, so they are done together; and where
// the FFT's stages end with a single radix-2 stage (256-sample segments), that stage's
// butterflies k and h-k produce exactly the slots that unpacking steps k and h-k read, so
// lastStageUnpack finishes each group and unpacks it while it is in registers.
import type { SegmentFft } from './segment-fft.js';
import { stage } from './segment-stages.js';

/** Unpacking of every bin from the finished FFT: the plain form. */
export function unpackPower(f: SegmentFft, acc: Float64Array): void {
  unpackEdges(f, acc);
  for (let k = 1; k <= f.half >> 1; k++) unpackBins(f, k, acc);
}

/** Bins 0 and half, from slot 0. */
export function unpackEdges(f: SegmentFft, acc: Float64Array): void {
  const { zr, zi } = f;
  const r0 = zr[0]! + zi[0]!;
  const rm = zr[0]! - zi[0]!;
  acc[0]! += r0 * r0;
  acc[f.half]! += rm * rm;
}

/** Unpacking step k (1 <= k <= half / 2): bins k and half - k. */
export function unpackBins(f: SegmentFft, k: number, acc: Float64Array): void {
  const { zr, zi, wr, wi } = f;
  const b = f.half - k;
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

/**
 * The last radix-2 stage (length half) fused with unpackPower, for stages that end with a
 * single one. Same operations per butterfly and per bin as stage() and unpackBins(); every bin
 * is accumulated once, so the order of the groups does not change the sums.
 */
export function lastStageUnpack(f: SegmentFft, acc: Float64Array): void {
  const { zr, zi, twr, twi, wr, wi } = f;
  const m = f.half;
  const h = m >> 1;
  stage(f, m, 0, 1);
  unpackEdges(f, acc);
  unpackBins(f, h, acc);
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
  stage(f, m, quarter, quarter + 1);
  unpackBins(f, quarter, acc);
}
