// Reusable work buffers for transient signal-length arrays (filter padding, selection copies,
// smoothed timing signals). A fresh multi-megabyte typed array costs more than filling it (new
// pages from the OS, zeroed), and one channel's analysis needs six of them, so an analysis
// creates one Workspace and hands it to every step. Functions that take one accept it as an
// optional last parameter; without it they allocate what they need per call.
//
// Rules: a slot's buffer is valid until the next request for the same slot, its contents are
// stale (callers overwrite every element they read), and buffers never escape into results.
// A workspace belongs to one analysis at a time; it keeps the largest size seen per slot.

/** The slots: A and B for one signal's steps, C and D for the second signal of a pair. */
export const SLOT_A = 0;
export const SLOT_B = 1;
export const SLOT_C = 2;
export const SLOT_D = 3;
export type WorkSlot = typeof SLOT_A | typeof SLOT_B | typeof SLOT_C | typeof SLOT_D;

export class Workspace {
  private readonly buffers: (Float64Array | undefined)[] = [];

  /** A view of n elements (stale contents) of the buffer of `slot`. */
  buffer(slot: WorkSlot, n: number): Float64Array {
    let b = this.buffers[slot];
    if (!b || b.length < n) {
      b = new Float64Array(n);
      this.buffers[slot] = b;
    }
    return b.length === n ? b : b.subarray(0, n);
  }
}

export function createWorkspace(): Workspace {
  return new Workspace();
}

/** n elements from the workspace's slot, or a fresh array when there is no workspace. */
export function workBuffer(ws: Workspace | undefined, slot: WorkSlot, n: number): Float64Array {
  return ws ? ws.buffer(slot, n) : new Float64Array(n);
}
