/** What writeC3d accepts. Sample values are physical (already scaled), as readC3d returns them. */
import { type DataFormat, type ParameterType, type Processor } from '../types.js';

export interface ParameterSpec {
  name: string;
  type: ParameterType;
  /** Char: one string per row. Numeric: flattened, first dimension fastest. */
  values: readonly string[] | readonly number[];
  /** Defaults: char [longest, rows] (or [length] for one string); numeric [] for one value, else [n]. */
  dims?: readonly number[];
  description?: string;
  locked?: boolean;
}

export interface GroupSpec {
  name: string;
  description?: string;
  locked?: boolean;
  parameters: ParameterSpec[];
}

export interface PointsSpec {
  labels: string[];
  descriptions?: string[];
  units?: string;
  /** POINT:SCALE magnitude: the coordinate unit of integer files (default 0.1); residual unit for both. */
  scale?: number;
  x: ArrayLike<number>[];
  y: ArrayLike<number>[];
  z: ArrayLike<number>[];
  /** Default 0 (valid); negative = invalid. */
  residual?: ArrayLike<number>[];
  camera?: ArrayLike<number>[];
}

export interface AnalogSpec {
  samplesPerFrame: number;
  labels: string[];
  descriptions?: string[];
  units?: string[];
  /** Per channel (default 1), with offset (default 0) and genScale (default 1): raw = value / (scale x genScale) + offset. */
  scale?: number[];
  offset?: number[];
  genScale?: number;
  /** ANALOG:FORMAT UNSIGNED: integer samples and offsets are uint16. */
  unsigned?: boolean;
  /** One array per channel of frames x samplesPerFrame values. */
  channels: ArrayLike<number>[];
}

export interface EventSpec {
  label: string;
  time: number;
  context?: string;
  description?: string;
}

export interface C3dWriteSpec {
  processor?: Processor;
  format?: DataFormat;
  pointRate: number;
  firstFrame?: number;
  /** Needed only when there are neither points nor analog channels to count frames from. */
  frames?: number;
  points?: PointsSpec;
  analog?: AnalogSpec;
  events?: EventSpec[];
  /**
   * Parameter groups to write (custom groups, or a whole tree from readC3d). Parameters that
   * describe the data (POINT:USED, ANALOG:SCALE, ...) are replaced by values computed from it.
   */
  groups?: GroupSpec[];
}
