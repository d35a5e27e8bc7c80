/**
 * Body limit of the JSON routes that take a previous /upload answer back (recalc, recalibration):
 * a full-resolution answer of a 175 s GHOSTLY recording is about 90 MB of JSON.
 */
export const ANALYSIS_JSON_BODY_LIMIT = 128 * 1024 * 1024;
