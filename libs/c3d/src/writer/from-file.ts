/** A write spec that reproduces a read file: same samples, same parameter tree, same encoding. */
import { type C3dFile } from '../types.js';
import { type C3dWriteSpec } from './spec.js';

export function toWriteSpec(file: C3dFile): C3dWriteSpec {
  const { points, analog } = file;
  const { rate: _rate, samplesPerFrame, channels, ...analogInfo } = analog;
  return {
    processor: file.processor,
    format: file.dataFormat,
    pointRate: points.rate,
    firstFrame: points.firstFrame,
    frames: points.frames,
    points: {
      labels: points.labels,
      descriptions: points.descriptions,
      units: points.units ?? '',
      scale: Math.abs(points.scale),
      x: points.x,
      y: points.y,
      z: points.z,
      residual: points.residual,
      camera: points.camera,
    },
    analog: { samplesPerFrame: samplesPerFrame || 1, ...analogInfo, channels },
    events: file.events.map((e) => ({
      label: e.label,
      time: e.time,
      context: e.context,
      description: e.description,
    })),
    groups: file.parameters.map((g) => ({
      name: g.name,
      description: g.description,
      locked: g.locked,
      parameters: g.parameters.map((p) => ({
        name: p.name,
        type: p.type,
        values: p.values,
        dims: p.dims,
        description: p.description,
        locked: p.locked,
      })),
    })),
  };
}
