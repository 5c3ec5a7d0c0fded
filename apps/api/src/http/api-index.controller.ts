import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { ref } from './openapi/schemas.js';

/**
 * GET /api: a client (or a person) who opens the API's root finds where to go next,
 * instead of a 404. Unknown paths under /api keep their JSON 404.
 */
@ApiTags('health')
@Public()
// Carries /api itself: see API_UNDER_WEB_ROOTS (apps/web/src/web-routes.ts).
@Controller('api')
export class ApiIndexController {
  @Get()
  @ApiOperation({ summary: 'Where the documentation and health checks are' })
  @ApiOkResponse({
    description: 'Links to the documentation and health checks',
    schema: ref('ApiIndex'),
  })
  index() {
    return {
      name: 'Convene API',
      version: '0.1',
      links: {
        docs: '/docs',
        openapi: '/docs-json',
        health: '/api/health/ready',
        live: '/api/health/live',
      },
    };
  }
}
