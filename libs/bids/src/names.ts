/** BIDS labels and file names (BIDS 1.11: a label is alphanumeric; an index is a number). */

export const BIDS_VERSION = '1.11.0';
/** The derivative pipeline folder under derivatives/. */
export const PIPELINE = 'emg-c3d';

const LABEL = /^[A-Za-z0-9]+$/;

export function isBidsLabel(value: string): boolean {
  return LABEL.test(value);
}

/** Keeps letters and digits only; an empty result falls back. */
export function toBidsLabel(value: string | undefined | null, fallback: string): string {
  const label = (value ?? '').replace(/[^A-Za-z0-9]+/g, '');
  return label.length > 0 ? label : fallback;
}

export interface SessionEntities {
  subject: string;
  session: string;
  task: string;
}

export function assertEntities(e: SessionEntities): void {
  for (const k of ['subject', 'session', 'task'] as const) {
    const v = e[k];
    if (!isBidsLabel(v)) throw new Error(`BIDS ${k} label ${JSON.stringify(v)} is not alphanumeric`);
  }
}

/** sub-<s>/ses-<n> */
export function sessionDir(e: SessionEntities): string {
  return `sub-${e.subject}/ses-${e.session}`;
}

/** sub-<s>_ses-<n>_task-<t> */
export function stem(e: SessionEntities): string {
  return `sub-${e.subject}_ses-${e.session}_task-${e.task}`;
}

/** Raw data file of a session: sub-<s>/ses-<n>/emg/sub-<s>_ses-<n>_task-<t>_<suffix>. */
export function rawPath(e: SessionEntities, suffix: 'emg.edf' | 'emg.json' | 'channels.tsv'): string {
  return `${sessionDir(e)}/emg/${stem(e)}_${suffix}`;
}

/** Derivative file of a session under derivatives/emg-c3d/. */
export function derivativePath(e: SessionEntities, suffix: 'events.tsv' | 'events.json'): string {
  return `derivatives/${PIPELINE}/${sessionDir(e)}/emg/${stem(e)}_${suffix}`;
}

/** The path rules the dataset checker applies (raw and derivative session files). */
export const RAW_FILE =
  /^sub-([A-Za-z0-9]+)\/ses-([A-Za-z0-9]+)\/emg\/sub-\1_ses-\2_task-[A-Za-z0-9]+_(emg\.edf|emg\.json|channels\.tsv)$/;
export const DERIVATIVE_FILE = new RegExp(
  `^derivatives/${PIPELINE}/sub-([A-Za-z0-9]+)/ses-([A-Za-z0-9]+)/emg/sub-\\1_ses-\\2_task-[A-Za-z0-9]+_(events\\.tsv|events\\.json)$`,
);
