import { describe, expect, it } from '@jest/globals';
import { negotiateFormat } from './report-format.js';

describe('negotiateFormat', () => {
  it('defaults to HTML without a query or a known Accept type', () => {
    expect(negotiateFormat(undefined, undefined)).toBe('html');
    expect(negotiateFormat(undefined, '*/*')).toBe('html');
    expect(negotiateFormat(undefined, 'application/json')).toBe('html');
  });

  it('lets ?format win over Accept', () => {
    expect(negotiateFormat('pdf', 'text/html')).toBe('pdf');
    expect(negotiateFormat('html', 'application/pdf')).toBe('html');
  });

  it('follows Accept: PDF alone, or preferred by q', () => {
    expect(negotiateFormat(undefined, 'application/pdf')).toBe('pdf');
    expect(negotiateFormat(undefined, 'text/html;q=0.5, application/pdf')).toBe('pdf');
    expect(negotiateFormat(undefined, 'application/pdf;q=0.9, text/html')).toBe('html');
  });

  it('takes HTML on a tie and ignores q=0', () => {
    expect(negotiateFormat(undefined, 'application/pdf, text/html')).toBe('html');
    expect(negotiateFormat(undefined, 'application/pdf;q=0')).toBe('html');
  });
});
