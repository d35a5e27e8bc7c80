import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { CACHE_KEY_GLOB } from '../../infrastructure/cache/cache-inspector.js';

export class CacheHealthDto {
  @ApiProperty() healthy!: boolean;
  @ApiProperty({ example: 'All operations working' }) message!: string;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ enum: ['redis', 'memory'] }) backend!: 'redis' | 'memory';
  @ApiPropertyOptional({ description: 'Probe round trip (write, read, delete)' }) latency_ms?: number;
  @ApiProperty() timestamp!: string;
}

export class CacheConfigDto {
  @ApiProperty({ enum: ['redis', 'memory'] }) backend!: 'redis' | 'memory';
  @ApiProperty({ description: 'Default entry lifetime (CACHE_TTL_SECONDS)' }) ttl_seconds!: number;
  @ApiProperty({ description: "What this service's keys start with in the store ('' in memory)" })
  key_prefix!: string;
}

export class CacheServerDto {
  @ApiProperty() used_memory_peak_mb!: number;
  @ApiProperty({ description: '0: no limit' }) maxmemory_mb!: number;
  @ApiProperty({ nullable: true, type: String }) version!: string | null;
}

export class CacheStatsDto {
  @ApiProperty({ enum: ['connected', 'unavailable'] }) status!: 'connected' | 'unavailable';
  @ApiProperty({
    description: "Redis: the server's used_memory (shared with the job queue); memory: an estimate",
  })
  memory_mb!: number;
  @ApiProperty({ description: 'hits / total_requests, 0..1, counted by this process' }) hit_rate!: number;
  @ApiProperty() hits!: number;
  @ApiProperty({ description: 'Including lookups that failed' }) misses!: number;
  @ApiProperty() total_requests!: number;
  @ApiProperty({ description: 'Cache errors: failed calls and, with Redis, reconnection attempts' })
  errors!: number;
  @ApiProperty({ description: "Entries of this service's cache" }) keys!: number;
  @ApiProperty({ description: 'Since when hits, misses and errors are counted' }) counted_since!: string;
  @ApiProperty({ type: CacheConfigDto }) config!: CacheConfigDto;
  @ApiPropertyOptional({ type: CacheServerDto }) server?: CacheServerDto;
  @ApiPropertyOptional({ description: 'Why the figures are unavailable' }) error?: string;
  @ApiProperty() timestamp!: string;
}

export class CacheInvalidateQueryDto {
  @ApiProperty({
    description:
      "Glob over this service's cache keys (without the prefix): letters, digits, `_ : . -` and " +
      'the wildcards `*` and `?`, at most 200 characters',
    example: 'session:*',
  })
  @IsString()
  @Matches(CACHE_KEY_GLOB, {
    message: 'pattern must be 1-200 characters of letters, digits, _ : . - and the wildcards * and ?',
  })
  pattern!: string;
}

export class CacheInvalidatedDto {
  @ApiProperty({ example: 'completed' }) status!: 'completed';
  @ApiProperty() invalidated_keys!: number;
  @ApiProperty({ example: 'session:*' }) pattern!: string;
  @ApiProperty() timestamp!: string;
}

export class CacheDashboardHealthDto {
  @ApiProperty({ enum: ['healthy', 'unhealthy'] }) status!: 'healthy' | 'unhealthy';
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class CacheDashboardPerformanceDto {
  @ApiProperty() memory_mb!: number;
  @ApiProperty() hit_rate!: number;
  @ApiProperty() total_requests!: number;
  @ApiProperty() hits!: number;
  @ApiProperty() misses!: number;
}

export class CacheDashboardDto {
  @ApiProperty() timestamp!: string;
  @ApiProperty({ type: CacheDashboardHealthDto }) health!: CacheDashboardHealthDto;
  @ApiProperty({ type: CacheDashboardPerformanceDto }) performance!: CacheDashboardPerformanceDto;
  @ApiProperty({ type: CacheConfigDto }) config!: CacheConfigDto;
  @ApiProperty({ type: CacheStatsDto, description: 'The full GET /cache/stats answer' })
  stats!: CacheStatsDto;
}
