/** readC3d: header -> processor -> parameters -> layout -> samples, never trusting one source alone. */
import { analogInfo, pointNames, type ChannelInfo } from './channels.js';
import { codecForProcessorByte, type NumberCodec } from './codec.js';
import { decodeSamples, emptySamples, ParameterIndex } from './decode/index.js';
import { C3dError, type C3dWarning } from './errors.js';
import { readEvents } from './events.js';
import { BLOCK, parameterStart, readHeader } from './header.js';
import { resolveLayout, type Layout } from './layout.js';
import { blocksUsed, readParameters } from './parameters.js';
import { type C3dFile, type C3dGroup, type C3dHeader, type ReadOptions } from './types.js';

/** Everything a read learns before the samples: the file's structure, and what decoding needs. */
export interface Structure {
  header: C3dHeader;
  codec: NumberCodec;
  groups: C3dGroup[];
  index: ParameterIndex;
  layout: Layout;
  names: ReturnType<typeof pointNames>;
  analog: ChannelInfo;
  warnings: C3dWarning[];
}

/** Header, processor, parameters and layout, checked against each other; no samples. */
export function readStructure(bytes: Uint8Array, options: ReadOptions = {}): Structure {
  if (!(bytes instanceof Uint8Array)) throw new C3dError('invalid_input', 'readC3d expects a Uint8Array', 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const warnings: C3dWarning[] = [];
  const paramStart = parameterStart(bytes);
  const processorByte = bytes[paramStart + 3]!;
  const codec = codecForProcessorByte(processorByte);
  if (!codec) {
    throw new C3dError(
      'unsupported_processor',
      `processor byte ${processorByte} is not 84 (Intel), 85 (DEC) or 86 (MIPS)`,
      paramStart + 3,
    );
  }
  const header = readHeader(bytes, view, codec);
  const fileLength =
    options.headerOnly && options.fileLength !== undefined
      ? Math.max(options.fileLength, bytes.length)
      : bytes.length;
  const headerDataStart = (header.dataBlock - 1) * BLOCK;
  const sectionEnd =
    header.dataBlock > header.parameterBlock && headerDataStart <= fileLength ? headerDataStart : fileLength;
  const readable = Math.min(sectionEnd, bytes.length);
  const section = readParameters(bytes, view, codec, paramStart, readable, warnings);
  if (!section.complete && readable < sectionEnd) {
    throw new C3dError(
      'parameters_beyond_head',
      'the parameter section does not end within the bytes given',
      bytes.length,
    );
  }
  if (!section.complete && sectionEnd === fileLength) {
    throw new C3dError('truncated', 'the file ends inside the parameter section', fileLength);
  }
  const announced = bytes[paramStart + 2]!;
  const used = blocksUsed(paramStart, section.endOffset);
  if (used > announced) {
    warnings.push({
      code: 'parameter_blocks_understated',
      message: `parameter section uses ${used} blocks but announces ${announced}`,
      offset: paramStart + 2,
    });
  }
  const groups = section.groups;
  const index = new ParameterIndex(groups);
  const layout = resolveLayout(header, index, fileLength, paramStart, warnings);
  const names = pointNames(index, layout.pointCount);
  const analog = analogInfo(index, layout.channels, warnings);
  return { header, codec, groups, index, layout, names, analog, warnings };
}

export function readC3d(bytes: Uint8Array, options: ReadOptions = {}): C3dFile {
  const { header, codec, groups, index, layout, names, analog, warnings } = readStructure(bytes, options);
  const decoded = options.headerOnly
    ? emptySamples(layout.pointCount, layout.channels)
    : decodeSamples(bytes, layout, codec, analog.scaling);
  // the file reports the ANALOG fields; the decoder's typed copy of the scaling stays inside
  const { scaling: _scaling, ...analogNames } = analog;
  return {
    header,
    processor: codec.processor,
    dataFormat: layout.format,
    parameters: groups,
    points: {
      rate: layout.pointRate,
      frames: layout.frames,
      firstFrame: layout.firstFrame,
      scale: layout.pointScale,
      ...names,
      ...decoded.points,
    },
    analog: {
      rate: layout.analogRate,
      samplesPerFrame: layout.samplesPerFrame,
      ...analogNames,
      channels: decoded.channels,
    },
    events: readEvents(header, index),
    warnings,
  };
}

/** Header and parameters only: the upload-time metadata path. */
export function readC3dMetadata(bytes: Uint8Array): C3dFile {
  return readC3d(bytes, { headerOnly: true });
}
