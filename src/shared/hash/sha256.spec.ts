import { describe, expect, it } from '@jest/globals';
import { sha256Hex, sha256Stream } from './sha256.js';

describe('sha256', () => {
  it('gives the standard digest of bytes and of text (FIPS 180-2 "abc")', () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(sha256Hex('abc')).toBe(abc);
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(abc);
  });

  it('hashes chunks to the digest of the whole', () => {
    const h = sha256Stream();
    h.update('a');
    h.update('bc');
    expect(h.digest('hex')).toBe(sha256Hex('abc'));
  });
});
