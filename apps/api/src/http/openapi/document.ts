import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeDocument } from './complete-document.js';

/**
 * The API's OpenAPI document, from the controllers' decorators completed by
 * complete-document.ts (error shape, errors per operation, public operations). Served at
 * /docs and /docs-json, and written by scripts/lint-openapi.sh for the linter.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Convene API')
      .setDescription(
        'Registration, travel, agenda and email for the meetings of an international network of partners. ' +
          'Log in with POST /api/auth/login, then send Authorization: Bearer <accessToken>. ' +
          'Every error has one JSON shape (ErrorResponse) with a stable `code`; its `message` ' +
          'follows Accept-Language (fr, en, es).',
      )
      .setVersion('0.1')
      .setLicense('Proprietary', 'https://convene.example.org/licence')
      .addServer('/', 'This server')
      .addBearerAuth()
      .build(),
  );
  return completeDocument(app, document);
}
