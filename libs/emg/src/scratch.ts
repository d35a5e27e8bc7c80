// Reusable work buffers for transient signal-length arrays (filter padding, selection copies,
// smoothed timing signals). A fresh multi-megabyte typed array costs far more than filling it
// (new pages from the OS, zeroed): 0.1-0.8 ms per 173k-sample array on the benchmark machine
// against ~0.03 ms for the copy itself, and a channel needed six of them.
//
// Rules: a slot's view is valid until the next scratch() call for the same slot, its contents
// are stale (callers overwrite every element), and views never escape the library's public
// results. JavaScript runs this synchronously on one thread (worker threads get their own
// module instance), so no two calls interleave. The pool keeps the largest size seen per slot.

const pool: Float64Array[] = [];

export const SCRATCH_A = 0;
export const SCRATCH_B = 1;
/** C and D: the second signal's buffers when two channels are filtered as a pair. */
export const SCRATCH_C = 2;
export const SCRATCH_D = 3;

/** A view of n elements (stale contents) of the pooled buffer `slot`. */
export function scratch(slot: number, n: number): Float64Array {
  let b = pool[slot];
  if (!b || b.length < n) {
    b = new Float64Array(n);
    pool[slot] = b;
  }
  return b.length === n ? b : b.subarray(0, n);
}
