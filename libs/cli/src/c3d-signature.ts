/**
 * "Is this a C3D file at all?", asked before the reader: the reader explains what is wrong in a
 * C3D file ("processor byte 32 is not 84"), which misleads when the file is a text file or an
 * image renamed .c3d. Every C3D file starts with the number of the parameter block and the key
 * byte 0x50 ('P'); nothing else is a C3D header.
 */
import { CliError } from './cli-errors.js';

export const C3D_KEY = 0x50;

export function assertC3dSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new CliError('not_c3d', 'not a C3D file: the file is empty', 0);
  if (bytes.length < 2 || bytes[1] !== C3D_KEY) {
    const shown = Array.from(bytes.subarray(0, 2), (b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
    throw new CliError(
      'not_c3d',
      `not a C3D file: it starts with ${shown}, a C3D header starts with a block number and 0x50`,
      0,
    );
  }
}
