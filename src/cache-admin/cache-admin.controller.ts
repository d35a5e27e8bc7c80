import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../shared/http/original-validation.interceptor.js';
import { CacheAdminService } from './cache-admin.service.js';
import {
  CacheDashboardDto,
  CacheHealthDto,
  CacheInvalidatedDto,
  CacheInvalidateQueryDto,
  CacheStatsDto,
} from './dto/cache-admin.dto.js';

@ApiTags('cache')
@Auth('admin')
@OriginalValidationStatus()
@Controller('cache')
export class CacheAdminController {
  constructor(private readonly cache: CacheAdminService) {}

  @Get('health')
  @ApiOperation({ summary: 'Whether the cache answers a write, read and delete' })
  @ApiOkResponse({ type: CacheHealthDto })
  health(): Promise<CacheHealthDto> {
    return this.cache.health();
  }

  @Get('stats')
  @ApiOperation({ summary: 'Hits and misses of this process, memory and entries of the cache' })
  @ApiOkResponse({ type: CacheStatsDto })
  stats(): Promise<CacheStatsDto> {
    return this.cache.stats();
  }

  @Post('invalidate')
  @HttpCode(200)
  @ApiOperation({ summary: "Delete this service's cache entries whose key matches a glob" })
  @ApiOkResponse({ type: CacheInvalidatedDto })
  @ApiErrors(ERR.validation422, ERR.cacheUnavailable)
  invalidate(
    @CurrentUser() admin: AuthUser,
    @Query() query: CacheInvalidateQueryDto,
  ): Promise<CacheInvalidatedDto> {
    return this.cache.invalidate(admin, query.pattern);
  }

  @Get('dashboard')
  @ApiOperation({ summary: 'Health and stats in one answer' })
  @ApiOkResponse({ type: CacheDashboardDto })
  dashboard(): Promise<CacheDashboardDto> {
    return this.cache.dashboard();
  }
}
