import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../shared/decorators/public.decorator.js';

/** The service's API version (the OpenAPI document's). */
export const API_VERSION = '1.0.0';

export class ApiInfoDto {
  @ApiProperty({ example: 'GHOSTLY+ EMG Analysis API' }) name!: string;
  @ApiProperty({ example: API_VERSION }) version!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: '/docs' }) docs!: string;
  @ApiProperty({ example: '/docs-json' }) openapi!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Entry points by purpose; every route is in the OpenAPI document',
  })
  endpoints!: Record<string, string>;
}

/** GET / (the original's API info), with entry points that exist. */
@ApiTags('health')
@Public()
@Controller()
export class ApiInfoController {
  @Get()
  @ApiOperation({ summary: 'API information and entry points' })
  @ApiOkResponse({ type: ApiInfoDto })
  info(): ApiInfoDto {
    return {
      name: 'GHOSTLY+ EMG Analysis API',
      version: API_VERSION,
      description: 'Turns GHOSTLY surface-EMG C3D recordings into scored therapy sessions',
      docs: '/docs',
      openapi: '/docs-json',
      endpoints: {
        health: 'GET /health',
        login: 'POST /auth/login',
        upload: 'POST /upload',
        recalc: 'POST /analysis/recalc',
        mvc_calibration: 'POST /mvc/calibrate',
        config_defaults: 'GET /config/defaults',
        sessions: 'GET|POST /sessions',
        signals: 'GET /signals/jit/{session_id}/channels',
        patients: 'GET|POST /patients',
        scoring: 'GET /scoring/configurations',
        webhook: 'POST /webhooks/storage/c3d-upload',
      },
    };
  }
}
