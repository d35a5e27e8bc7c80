import { type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailedError } from '../errors/app-error.js';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
/** `count=estimated` counts exactly up to this many rows, then takes the planner's estimate. */
export const EXACT_COUNT_LIMIT = 10_000;

export const COUNT_MODES = ['exact', 'estimated', 'none'] as const;
export type CountMode = (typeof COUNT_MODES)[number];

/**
 * `?limit=&cursor=` (keyset) or `?limit=&offset=` for list endpoints, and `?count=`. A page
 * costs the same wherever it starts with a cursor; an offset reads and drops `offset` rows.
 */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Rows to skip; not with `cursor`' })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;

  @ApiPropertyOptional({
    description: "The previous page's `next_cursor`: the page after that page's last row (opaque)",
    maxLength: 512,
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a next_cursor value' })
  cursor?: string;

  @ApiPropertyOptional({
    enum: COUNT_MODES,
    description:
      '`exact` counts every matching row; `estimated` counts exactly up to 10,000 rows, then ' +
      "takes the query planner's estimate; `none` skips counting (total is null). Default: " +
      '`estimated` without a cursor, `none` with one.',
  })
  @IsOptional()
  @IsIn(COUNT_MODES)
  count?: CountMode;
}

/** What a repository's list method needs from the query: size, start and count mode. */
export interface PageRequest {
  limit: number;
  offset: number;
  cursor?: string;
  count: CountMode;
}

/** The page request of a list query, with its defaults; 400 for a cursor with an offset. */
export function pageRequest(query: PageQueryDto): PageRequest {
  if (query.cursor !== undefined && query.offset > 0) {
    throw new ValidationFailedError('offset cannot be combined with cursor', undefined, 'invalid_cursor');
  }
  return {
    limit: query.limit,
    offset: query.offset,
    cursor: query.cursor,
    count: query.count ?? (query.cursor === undefined ? 'estimated' : 'none'),
  };
}

/** What a repository's list method returns: the rows of the page and what it knows of the rest. */
export interface RowsPage<R> {
  rows: R[];
  /** Null when count mode is `none`. */
  total: number | null;
  /** `exact` when total is an exact count (also for `estimated` below the limit). */
  count: CountMode;
  next_cursor: string | null;
}

export interface Page<T> {
  items: T[];
  total: number | null;
  count: CountMode;
  limit: number;
  offset: number;
  next_cursor: string | null;
}

export function toKeysetPage<R, T>(
  page: RowsPage<R>,
  map: (row: R) => T,
  query: { limit: number; offset: number },
): Page<T> {
  return {
    items: page.rows.map((row) => map(row)),
    total: page.total,
    count: page.count,
    limit: query.limit,
    offset: query.offset,
    next_cursor: page.next_cursor,
  };
}

/** A documented page class for an item DTO, e.g. `class PatientPageDto extends PageOf(PatientDto) {}`. */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({
      type: Number,
      nullable: true,
      description: 'Rows matching the query (all pages); null with count=none',
    })
    total!: number | null;
    @ApiProperty({ enum: COUNT_MODES, description: 'How total was obtained' }) count!: CountMode;
    @ApiProperty() limit!: number;
    @ApiProperty() offset!: number;
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last page',
    })
    next_cursor!: string | null;
  }
  return PageDto;
}
