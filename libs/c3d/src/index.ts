/** @app/c3d core entry: bytes in, typed objects out. No Node imports here (see node.ts). */
export { readC3d, readC3dMetadata } from './read.js';
export { getParameter } from './lookup.js';
export { C3dError, type C3dErrorCode, type C3dWarning } from './errors.js';
export type {
  C3dAnalog,
  C3dEvent,
  C3dFile,
  C3dGroup,
  C3dHeader,
  C3dParameter,
  C3dPoints,
  DataFormat,
  ParameterType,
  Processor,
  ReadOptions,
} from './types.js';
export { writeC3d, toWriteSpec } from './writer/index.js';
export type {
  AnalogSpec,
  C3dWriteSpec,
  EventSpec,
  GroupSpec,
  ParameterSpec,
  PointsSpec,
} from './writer/index.js';
