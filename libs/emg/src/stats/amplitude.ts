// Whole-signal amplitude metrics of the original (EA ANALYSIS_FUNCTIONS).

/** sqrt(mean(x^2)) over x[from..to); 0 for an empty range. */
export function rms(x: ArrayLike<number>, from = 0, to = x.length): number {
  if (to <= from) return 0;
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / (to - from));
}

/** mean(|x|) over x[from..to); 0 for an empty range. */
export function mav(x: ArrayLike<number>, from = 0, to = x.length): number {
  if (to <= from) return 0;
  let s = 0;
  for (let i = from; i < to; i++) s += Math.abs(x[i]!);
  return s / (to - from);
}

/** Population standard deviation (ddof 0) over x[from..to), two-pass. */
export function stdPopulation(x: ArrayLike<number>, from = 0, to = x.length): number {
  const n = to - from;
  if (n <= 0) return Number.NaN;
  let m = 0;
  for (let i = from; i < to; i++) m += x[i]!;
  m /= n;
  let s = 0;
  for (let i = from; i < to; i++) s += (x[i]! - m) * (x[i]! - m);
  return Math.sqrt(s / n);
}
