import { PART_BYTES } from './artifact/artifact-parts.js';
import { EXPORT_PAGE } from './export-source.service.js';

/** Sizes of a cohort export's working set; a provider so that tests can shrink them. */
export class ExportTuning {
  /** Bytes per stored artifact part. */
  partBytes = PART_BYTES;
  /** Sessions per keyset page. */
  pageSize = EXPORT_PAGE;
}
