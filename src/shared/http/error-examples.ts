/**
 * The route-specific error answers, with the codes and messages the services really send, for
 * `@ApiErrors(...)`. Kept in one place so that the same case reads the same on every route.
 */
import type { ErrorExample } from './api-docs.decorators.js';

const e = (status: number, code: string, message: string): ErrorExample => ({ status, code, message });

export const ERR = {
  sessionNotFound: e(404, 'session_not_found', 'Session P001S001 not found'),
  patientNotFound: e(404, 'patient_not_found', 'Patient P001 not found'),
  therapistOfPatientNotFound: e(404, 'therapist_not_found', 'No therapist found for patient code: P001'),
  therapistNotFound: e(
    404,
    'therapist_not_found',
    'Therapist not found: 0b9d6c1e-2f4a-4c1b-9e8d-7a6f5e4d3c2b',
  ),
  userNotFound: e(404, 'user_not_found', 'User 0b9d6c1e-2f4a-4c1b-9e8d-7a6f5e4d3c2b not found'),
  profileNotFound: e(404, 'user_not_found', 'Profile not found'),
  noteNotFound: e(404, 'note_not_found', 'Note 0b9d6c1e-2f4a-4c1b-9e8d-7a6f5e4d3c2b not found'),
  medicalInfoNotFound: e(404, 'medical_info_not_found', 'No medical information for P001'),
  channelNotFound: e(404, 'channel_not_found', "Channel 'CH3' not found in C3D file"),
  scoringConfigNotFound: e(
    404,
    'scoring_config_not_found',
    'Scoring configuration 0b9d6c1e-2f4a-4c1b-9e8d-7a6f5e4d3c2b not found',
  ),
  noActiveScoringConfig: e(404, 'scoring_config_not_found', 'No active scoring configuration found'),
  patientsNotFound: e(404, 'patient_not_found', 'Patients not found: P009'),
  exportNotFound: e(404, 'export_not_found', 'Export 0b9d6c1e-2f4a-4c1b-9e8d-7a6f5e4d3c2b not found'),
  exportNotReady: e(409, 'not_ready', 'Export 0b9d6c1e-2f4a-4c1b-9e8d-7a6f5e4d3c2b is running: no download'),
  sessionNotReady: e(
    409,
    'not_ready',
    'Session P001S001 is processing: only completed sessions can be exported',
  ),
  patientNothingToExport: e(409, 'not_ready', 'Patient P001 has no completed session to export'),
  emailTaken: e(409, 'email_taken', 'An account with e-mail therapist@example.org already exists'),
  cannotDemoteSelf: e(409, 'cannot_demote_self', 'Admins cannot deactivate or demote themselves'),
  sessionBusy: e(409, 'session_busy', 'Session P001S001 is processing'),
  configSuperseded: e(
    409,
    'scoring_config_superseded',
    'This is an earlier version kept for the sessions scored with it; activate the current one',
  ),
  configInUse: e(
    409,
    'scoring_config_in_use',
    'Stored sessions were scored with this configuration; it cannot be deleted',
  ),
  configProtected: e(409, 'scoring_config_protected', 'GHOSTLY-TRIAL-DEFAULT cannot be deleted'),
  configMustStayActive: e(
    409,
    'scoring_config_protected',
    'GHOSTLY-TRIAL-DEFAULT must stay active and global',
  ),
  passwordVaultRemoved: e(
    410,
    'password_vault_removed',
    'The password vault has been removed. Temporary passwords are shown once, in the response to ' +
      'user creation or password reset, and are never stored in a retrievable form. If a password ' +
      'was lost, set a new one with "Reset password".',
  ),
  patientOtherTherapist: e(403, 'patient_other_therapist', 'Therapists create patients for themselves only'),
  patientReassignForbidden: e(403, 'patient_reassign_forbidden', 'Only admins may reassign a patient'),
  invalidCredentials: e(401, 'invalid_credentials', 'Wrong e-mail or password'),
  userInactive: e(403, 'user_inactive', 'This account is deactivated'),
  tooManyLogins: e(429, 'too_many_login_attempts', 'Too many failed logins; try again later'),
  rateLimited: e(
    429,
    'rate_limited',
    'More than 60 anonymous requests a minute from this address; log in or retry later',
  ),
  c3dTruncated: e(422, 'truncated', 'file is 67 bytes, shorter than the 512-byte header'),
  noEmgChannels: e(422, 'no_emg_channels', 'no EMG channel passed signal validation'),
  emptyFile: e(422, 'empty_file', 'The uploaded file is empty'),
  storedFileUnreadable: e(
    422,
    'unreadable_file',
    'The stored file cannot be read: file is 67 bytes, shorter than the 512-byte header',
  ),
  validation422: e(422, 'validation_failed', 'Request validation failed'),
  weightsInvalid: e(422, 'scoring_weights_invalid', 'Weights must sum to 1: the six weights sum to 1.1'),
  cacheUnavailable: e(503, 'cache_unavailable', 'The cache did not answer: connection refused'),
  passwordTooShort: e(400, 'password_too_short', 'Password must be at least 8 characters long'),
} satisfies Record<string, ErrorExample>;
