import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { ExportChannelRowDto } from '../dto/export-channel-row.dto.js';
import { ExportContractionRowDto } from '../dto/export-contraction-row.dto.js';
import { ExportSessionRowDto } from '../dto/export-session-row.dto.js';
import { CHANNEL_COLUMNS, CONTRACTION_COLUMNS, describeColumn, SESSION_COLUMNS } from './export-columns.js';

const documented = (dto: object): string[] =>
  ((Reflect.getMetadata('swagger/apiModelPropertiesArray', dto) as string[] | undefined) ?? []).map((k) =>
    k.slice(1),
  );

describe('export tables and their OpenAPI DTOs', () => {
  it.each([
    ['sessions', ExportSessionRowDto, SESSION_COLUMNS],
    ['channels', ExportChannelRowDto, CHANNEL_COLUMNS],
    ['contractions', ExportContractionRowDto, CONTRACTION_COLUMNS],
  ] as const)('%s: one documented property per CSV column, in order', (_t, dto, cols) => {
    expect(documented(dto.prototype)).toEqual(cols.map((c) => c.name));
  });

  it('descriptions carry the unit; an unknown column is an error', () => {
    expect(describeColumn('channels', 'rms')).toBe('Root mean square of the raw signal [V]');
    expect(describeColumn('contractions', 'is_good')).toBe('Counted as good (both criteria met)');
    expect(() => describeColumn('sessions', 'rms')).toThrow(/No column rms/);
  });

  it('column names are unique per table', () => {
    for (const cols of [SESSION_COLUMNS, CHANNEL_COLUMNS, CONTRACTION_COLUMNS])
      expect(new Set(cols.map((c) => c.name)).size).toBe(cols.length);
  });
});
