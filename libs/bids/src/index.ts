/** @app/bids: EMG-BIDS datasets (BIDS 1.11) and the EDF+ writer they use. Bytes in, files out. */
export { writeEdf, edfLayout, edfNumber, physicalRange, quantize, resolutionOf } from './edf/write-edf.js';
export type { EdfAnnotation, EdfLayout, EdfRecording, EdfSignal } from './edf/write-edf.js';
export { readEdfHeader, readEdfSignal, type EdfHeader, type EdfSignalHeader } from './edf/read-edf.js';
export { EdfError, type EdfErrorCode } from './edf/errors.js';
export {
  BIDS_VERSION,
  PIPELINE,
  isBidsLabel,
  toBidsLabel,
  rawPath,
  derivativePath,
  type SessionEntities,
} from './names.js';
export { toMicrovolts, EDF_UNIT } from './session-channels.js';
export {
  bidsSessionFiles,
  UNKNOWN_REASONS,
  type BidsChannel,
  type BidsContraction,
  type BidsFile,
  type BidsSessionInput,
  type BidsSessionOutput,
} from './session.js';
export { bidsDatasetFiles, type BidsDatasetInput, type BidsParticipant } from './dataset.js';
export { checkBidsDataset, type BidsTree } from './check.js';
export { toTsv, parseTsv, tsvCell, type TsvCell } from './tsv.js';
export {
  bidsContraction,
  bidsInputFromC3d,
  contractionsFromReport,
  publicGameMetadata,
  PERSONAL_GAME_FIELDS,
  type FromC3dOptions,
  type StoredContraction,
} from './from-c3d.js';
