/**
 * Cases the real corpus lacks, generated with writeC3d and committed under test/fixtures/c3d/ok.
 * fixtures.spec.ts checks the committed bytes still equal what the writer produces.
 * Regenerate: npm run build && node dist/libs/c3d/test-data/write-fixtures.js
 */
import { type C3dWriteSpec } from '../src/writer/spec.js';

/** Deterministic signal: no PRNG needed, values exercise sign and magnitude. */
function wave(n: number, k: number, amplitude: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(amplitude * Math.sin((i * (k + 1)) / 37) * 100) / 100;
  return out;
}

function trial(processor: C3dWriteSpec['processor'], format: C3dWriteSpec['format']): C3dWriteSpec {
  const frames = 120;
  const labels = ['LASI', 'RASI', 'LKNE'];
  return {
    processor,
    format,
    pointRate: 100,
    points: {
      labels,
      units: 'mm',
      scale: 0.1,
      x: labels.map((_, p) => wave(frames, p, 800)),
      y: labels.map((_, p) => wave(frames, p + 3, 500)),
      z: labels.map((_, p) => wave(frames, p + 6, 900)),
      residual: labels.map((_, p) =>
        Float32Array.from({ length: frames }, (_v, f) => (f % 17 === p ? -1 : 0.5)),
      ),
      camera: labels.map(() => Uint8Array.from({ length: frames }, (_v, f) => f % 64)),
    },
    analog: {
      samplesPerFrame: 10,
      labels: ['EMG1', 'EMG2'],
      units: ['V', 'V'],
      scale: [0.001, 0.002],
      offset: [2048, 0],
      genScale: 0.5,
      channels: [0, 1].map((c) =>
        Float64Array.from(wave(frames * 10, c, 1000), (v) => Math.round(v) * 0.001 * (c + 1) * 0.5),
      ),
    },
    events: [{ label: 'Foot Strike', context: 'Left', time: 0.5 }],
    groups: [{ name: 'SUBJECTS', parameters: [{ name: 'NAMES', type: 'char', values: ['synthetic'] }] }],
  };
}

function manyFrames(): C3dWriteSpec {
  const frames = 70000;
  return {
    format: 'integer',
    pointRate: 1000,
    analog: {
      samplesPerFrame: 1,
      labels: ['Fz'],
      scale: [1],
      channels: [Float64Array.from({ length: frames }, (_, i) => (i % 2000) - 1000)],
    },
  };
}

function manyChannels(): C3dWriteSpec {
  const frames = 5;
  const labels = Array.from({ length: 300 }, (_, i) => `CH${i + 1}`);
  return {
    pointRate: 100,
    analog: {
      samplesPerFrame: 2,
      labels,
      units: labels.map(() => 'mV'),
      scale: labels.map((_, i) => 1 + i / 1000),
      offset: labels.map((_, i) => i),
      channels: labels.map((_, c) =>
        Float64Array.from({ length: frames * 2 }, (_, i) => (i + c) * (1 + c / 1000)),
      ),
    },
  };
}

function unsignedInteger(): C3dWriteSpec {
  const raw = [0, 1, 32767, 32768, 40000, 65535];
  return {
    format: 'integer',
    pointRate: 10,
    analog: {
      samplesPerFrame: 6,
      labels: ['U'],
      unsigned: true,
      offset: [32768],
      scale: [0.01],
      channels: [Float64Array.from(raw, (r) => (r - 32768) * 0.01)],
    },
  };
}

export const syntheticCases: { file: string; spec: () => C3dWriteSpec }[] = [
  { file: 'ok/synthetic-intel-float.c3d', spec: () => trial('intel', 'float') },
  { file: 'ok/synthetic-intel-integer.c3d', spec: () => trial('intel', 'integer') },
  { file: 'ok/synthetic-dec-float.c3d', spec: () => trial('dec', 'float') },
  { file: 'ok/synthetic-dec-integer.c3d', spec: () => trial('dec', 'integer') },
  { file: 'ok/synthetic-mips-float.c3d', spec: () => trial('mips', 'float') },
  { file: 'ok/synthetic-mips-integer.c3d', spec: () => trial('mips', 'integer') },
  { file: 'ok/synthetic-70000-frames.c3d', spec: manyFrames },
  { file: 'ok/synthetic-300-channels.c3d', spec: manyChannels },
  { file: 'ok/synthetic-unsigned-integer-analog.c3d', spec: unsignedInteger },
];
