import { createHmac, randomBytes } from 'node:crypto';

/**
 * Per-export pseudonyms: HMAC-SHA256(export key, patient id), 12 hex digits behind a "p". The key
 * is random per export and never stored, so a patient keeps one pseudonym within an export and
 * gets an unrelated one in the next; nothing in the artifact leads back to the patient code.
 * Without pseudonymisation the patient code is used as it is.
 */
export class Pseudonymiser {
  private readonly cache = new Map<string, string>();

  private constructor(private readonly key: Buffer | null) {}

  static forExport(pseudonymise: boolean): Pseudonymiser {
    return new Pseudonymiser(pseudonymise ? randomBytes(32) : null);
  }

  get enabled(): boolean {
    return this.key !== null;
  }

  patient(patientId: string, patientCode: string): string {
    if (!this.key) return patientCode;
    let label = this.cache.get(patientId);
    if (!label) {
      label = 'p' + createHmac('sha256', this.key).update(patientId).digest('hex').slice(0, 12);
      this.cache.set(patientId, label);
    }
    return label;
  }

  /** P001S003 -> <pseudonym>S003: the session number is kept, the patient code is not. */
  session(patientId: string, patientCode: string, sessionCode: string): string {
    if (!this.key) return sessionCode;
    return `${this.patient(patientId, patientCode)}S${sessionNumber(sessionCode)}`;
  }
}

/** The number part of a session code (P001S003 -> "003"). */
export function sessionNumber(sessionCode: string): string {
  return /S([0-9]+)$/.exec(sessionCode)?.[1] ?? '0';
}
