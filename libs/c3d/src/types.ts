import { type C3dWarning } from './errors.js';
import { type Processor } from './codec.js';

export type { Processor };
export type DataFormat = 'integer' | 'float';
export type ParameterType = 'char' | 'byte' | 'int' | 'float';

/** The 512-byte header, exactly as stored (unsigned 16-bit counts). */
export interface C3dHeader {
  parameterBlock: number;
  pointCount: number;
  /** Word 3: analog measurements per point frame (channels x samples per frame). */
  analogMeasurementsPerFrame: number;
  /** Word 3 / word 10, or 0 when word 10 is 0. */
  analogChannels: number;
  firstFrame: number;
  lastFrame: number;
  maxInterpolationGap: number;
  scaleFactor: number;
  dataBlock: number;
  analogSamplesPerFrame: number;
  frameRate: number;
  /** True when word 150 holds the 12345 key announcing four-character event labels. */
  fourCharEvents: boolean;
  eventCount: number;
  events: { time: number; display: boolean; label: string }[];
}

export interface C3dParameter {
  name: string;
  description: string;
  type: ParameterType;
  /** Dimensions as stored, first dimension fastest (column-major). */
  dims: number[];
  /** Char: one trimmed string per row (a CHAR[n] or scalar gives one string). Numeric: flattened numbers. */
  values: string[] | number[];
  locked: boolean;
}

export interface C3dGroup {
  id: number;
  name: string;
  description: string;
  locked: boolean;
  parameters: C3dParameter[];
}

export interface C3dPoints {
  rate: number;
  frames: number;
  firstFrame: number;
  scale: number;
  labels: string[];
  descriptions: string[];
  units?: string;
  /** x[p][f] is point p at frame f; same for y, z, residual (-1 = invalid) and camera mask. */
  x: Float32Array[];
  y: Float32Array[];
  z: Float32Array[];
  residual: Float32Array[];
  camera: Uint8Array[];
}

/** The names, units and scaling of the analog channels (the ANALOG parameters). */
export interface C3dAnalogInfo {
  labels: string[];
  descriptions: string[];
  units: string[];
  scale: number[];
  offset: number[];
  genScale: number;
  unsigned: boolean;
}

export interface C3dAnalog extends C3dAnalogInfo {
  rate: number;
  samplesPerFrame: number;
  /** One array per channel, frames x samplesPerFrame samples, scaled: (raw - offset) * scale * genScale. */
  channels: Float64Array[];
}

export interface C3dEvent {
  label: string;
  /** Seconds from the start of the recording (as stored). */
  time: number;
  context: string;
  description: string;
  source: 'header' | 'parameters';
}

export interface C3dFile {
  header: C3dHeader;
  processor: Processor;
  dataFormat: DataFormat;
  parameters: C3dGroup[];
  points: C3dPoints;
  analog: C3dAnalog;
  events: C3dEvent[];
  warnings: C3dWarning[];
}

export interface ReadOptions {
  /** Read header and parameters only; sample arrays are left empty (fast metadata path). */
  headerOnly?: boolean;
  /**
   * With `headerOnly`: the length of the whole file when `bytes` holds only its start (which must
   * hold the parameter section), so that the layout and its warnings (`truncated`, `unfinalised`)
   * are those of the whole file. Lets a caller check a large upload without loading it.
   */
  fileLength?: number;
}
