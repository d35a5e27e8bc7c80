// Contraction onsets/offsets against baseline noise, three documented methods (docs/methods.md):
//  hodges - linear envelope > rest mean + k SD (Hodges & Bui 1996);
//  bonato - double threshold on squared sample pairs of the band-passed signal (Bonato et al. 1998);
//  tkeo   - envelope of |TKEO(band-passed)| > its rest mean + k SD (Li, Zhou & Aruin 2007).
// Every method ends with the same minimum off (gap bridging) and on durations.
import type { OnsetMethod, SeniamParams } from '../profiles/types.js';
import { linearEnvelope, tkeo } from './filters.js';
import { applyMinDurations, msToSamples, runsAbove, type Span } from './intervals.js';
import { findRestWindow, type RestWindow } from './rest.js';

export interface OnsetResult {
  method: OnsetMethod;
  spans: Span[];
  /** Threshold on the method's detection signal (envelope V, Bonato chi-square units, TKEO envelope V^2). */
  threshold: number;
  /** Rest window the baseline was taken from (on the method's detection signal). */
  rest: RestWindow;
}

export interface OnsetInputs {
  /** Band-passed signal. */
  bp: ArrayLike<number>;
  /** Its linear envelope. */
  env: ArrayLike<number>;
  fs: number;
}

export function detectOnsets(method: OnsetMethod, inp: OnsetInputs, p: SeniamParams): OnsetResult {
  const o = p.onset;
  const w = msToSamples(o.restWindowMs, inp.fs);
  const minOn = msToSamples(o.minOnMs, inp.fs);
  const minOff = msToSamples(o.minOffMs, inp.fs);
  if (method === 'hodges') {
    const rest = findRestWindow(inp.env, w);
    const threshold = rest.mean + o.k * rest.sd;
    return {
      method,
      rest,
      threshold,
      spans: applyMinDurations(runsAbove(inp.env, threshold), minOn, minOff),
    };
  }
  if (method === 'tkeo') {
    const te = linearEnvelope(tkeo(inp.bp), inp.fs, p.envelope);
    const rest = findRestWindow(te, w);
    const threshold = rest.mean + o.tkeoK * rest.sd;
    return { method, rest, threshold, spans: applyMinDurations(runsAbove(te, threshold), minOn, minOff) };
  }
  const rest = findRestWindow(inp.env, w);
  const { spans, zeta } = bonatoSpans(inp.bp, rest, o.bonatoPfa, o.bonatoM, o.bonatoR0);
  return { method, rest, threshold: zeta, spans: applyMinDurations(spans, minOn, minOff) };
}

/**
 * g[j] = (x[2j]^2 + x[2j+1]^2) / s2 with s2 = mean(x^2) over the rest window: chi-square with
 * 2 degrees of freedom under noise, so the first threshold zeta = -2 ln(Pfa) has false-alarm
 * probability Pfa exactly. A window of m pairs starting at j is active when at least r0 of its
 * pairs exceed zeta (second threshold). A run of active windows ja..jb spans from the first
 * exceeding pair in window ja to the last exceeding pair in window jb.
 */
export function bonatoSpans(
  x: ArrayLike<number>,
  rest: RestWindow,
  pfa: number,
  m: number,
  r0: number,
): { spans: Span[]; zeta: number } {
  let s2 = 0;
  for (let i = rest.start; i < rest.end; i++) s2 += x[i]! * x[i]!;
  s2 /= rest.end - rest.start;
  const zeta = -2 * Math.log(pfa);
  const pairs = Math.floor(x.length / 2);
  const spans: Span[] = [];
  if (pairs < m || !(s2 > 0)) return { spans, zeta };
  const ex = new Uint8Array(pairs);
  for (let j = 0; j < pairs; j++) {
    const a = x[2 * j]!;
    const b = x[2 * j + 1]!;
    ex[j] = (a * a + b * b) / s2 > zeta ? 1 : 0;
  }
  let cnt = 0;
  for (let j = 0; j < m; j++) cnt += ex[j]!;
  let runStart = -1;
  const close = (ja: number, jb: number) => {
    let first = ja;
    while (!ex[first]) first++;
    let last = jb + m - 1;
    while (!ex[last]) last--;
    spans.push({ start: 2 * first, end: 2 * last + 2 });
  };
  for (let j = 0; j + m <= pairs; j++) {
    if (j > 0) cnt += ex[j + m - 1]! - ex[j - 1]!;
    const on = cnt >= r0;
    if (on && runStart < 0) runStart = j;
    else if (!on && runStart >= 0) {
      close(runStart, j - 1);
      runStart = -1;
    }
  }
  if (runStart >= 0) close(runStart, pairs - m);
  return { spans, zeta };
}
