export { writeC3d } from './write.js';
export type { AnalogSpec, C3dWriteSpec, EventSpec, GroupSpec, ParameterSpec, PointsSpec } from './spec.js';
export { toWriteSpec } from './from-file.js';
