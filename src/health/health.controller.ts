import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../shared/decorators/public.decorator.js';
import { UnavailableError } from '../shared/errors/app-error.js';
import { ApiErrors } from '../shared/http/api-docs.decorators.js';
import { HealthDto, ReadinessDto } from './dto/health.dto.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'healthy', timestamp: new Date().toISOString() };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: database, Redis (when configured) and storage are usable',
    description:
      "Also reports the job queue's state (waiting, active, delayed and failed jobs, and the last run of a worker's session reconciler); it does not affect readiness.",
  })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiErrors(503)
  async ready(): Promise<ReadinessDto> {
    const r = await this.health.readiness();
    if (!r.ready) {
      const failed = Object.keys(r.errors).join(', ');
      throw new UnavailableError('not_ready', `Not ready: ${failed} unavailable`, {
        checks: r.checks,
        queue: r.queue,
        errors: r.errors,
      });
    }
    return { status: 'ready', checks: r.checks, queue: r.queue, timestamp: new Date().toISOString() };
  }
}
