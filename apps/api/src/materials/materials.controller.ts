import {
  Body,
  type CallHandler,
  Controller,
  Delete,
  type ExecutionContext,
  Get,
  HttpCode,
  HttpException,
  Injectable,
  type NestInterceptor,
  Param,
  PayloadTooLargeException,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { catchError, type Observable, throwError } from 'rxjs';
import { type Actor, UuidParamPipe } from '#core';
import {
  attachmentDisposition,
  Directory,
  type MaterialFile,
  materialMaxBytes,
  Materials,
  megabytes,
  PutDirectoryListingDto,
} from '#sharing';
import { CurrentActor } from '../auth/auth.decorators.js';
import { MaterialUploadGuard } from './material-upload.guard.js';
import {
  DirectoryEntryResponse,
  DirectoryListingResponse,
  MaterialResponse,
  SharingErrorResponse,
} from './materials.responses.js';

const EventId = new UuidParamPipe('Event');
const MaterialId = new UuidParamPipe('Material');
const RegistrationId = new UuidParamPipe('Registration');
const NOT_YOURS = { type: SharingErrorResponse, description: 'Unknown, or not yours to see' };

/** Multer's "File too large" said as the API says a field's problem: 413, field file. */
@Injectable()
export class MaterialTooLarge implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((e: unknown) => {
        if (!(e instanceof PayloadTooLargeException)) return throwError(() => e);
        const max = materialMaxBytes();
        return throwError(
          () =>
            new HttpException(
              {
                message: `file must be at most ${megabytes(max)} MB`,
                details: { field: 'file', code: 'file_too_large', maxBytes: max },
              },
              413,
            ),
        );
      }),
    );
  }
}

/** Documents shared with an event's people, and the opt-in directory of its participants. */
@ApiTags('sharing')
@ApiBearerAuth()
@Controller()
export class MaterialsController {
  constructor(
    private readonly materials: Materials,
    private readonly directory: Directory,
  ) {}

  @Post('events/:id/materials')
  @ApiOperation({
    summary:
      "Shares a document with the event's people (organisers; facilitators for their session)",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'PDF, DOCX, PPTX, XLSX, PNG or JPEG (checked from its bytes), 20 MB at most',
        },
        title: { type: 'string', maxLength: 200 },
        sessionId: { type: 'string', format: 'uuid', description: 'One of the event’s sessions' },
      },
    },
  })
  @ApiCreatedResponse({ type: MaterialResponse })
  @ApiBadRequestResponse({
    type: SharingErrorResponse,
    description: 'No file, not an accepted type (details.code file_type), or an unknown session',
  })
  @ApiPayloadTooLargeResponse({ type: SharingErrorResponse, description: 'The file is too large' })
  @ApiForbiddenResponse({
    type: SharingErrorResponse,
    description: 'Not an organiser or facilitator',
  })
  @ApiNotFoundResponse(NOT_YOURS)
  @ApiConflictResponse({ type: SharingErrorResponse, description: 'The event is archived' })
  @UseGuards(MaterialUploadGuard)
  @UseInterceptors(
    MaterialTooLarge,
    FileInterceptor('file', {
      limits: { fileSize: materialMaxBytes(), files: 1, fields: 5 },
      // File names as browsers send them (UTF-8), not busboy's latin1 default.
      ...({ defParamCharset: 'utf8' } as object),
    }),
  )
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @UploadedFile() file: MaterialFile | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ) {
    return this.materials.upload(actor, id, body ?? {}, file);
  }

  @Get('events/:id/materials')
  @ApiOperation({ summary: "The event's shared documents (its staff and participants)" })
  @ApiQuery({ name: 'sessionId', required: false, description: "Only this session's" })
  @ApiOkResponse({ type: [MaterialResponse] })
  @ApiNotFoundResponse(NOT_YOURS)
  list(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query('sessionId') sessionId?: string,
  ) {
    return this.materials.list(actor, id, sessionId);
  }

  @Get('materials/:materialId/download')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Downloads a shared document (the event’s staff and participants)' })
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiNotFoundResponse(NOT_YOURS)
  async download(
    @CurrentActor() actor: Actor,
    @Param('materialId', MaterialId) materialId: string,
  ) {
    const { bytes, contentType, fileName } = await this.materials.read(actor, materialId);
    return new StreamableFile(bytes, {
      type: contentType,
      disposition: attachmentDisposition(fileName),
      length: bytes.length,
    });
  }

  @Delete('materials/:materialId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a shared document (organisers; facilitators for theirs)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiForbiddenResponse({ type: SharingErrorResponse, description: 'Not yours to delete' })
  @ApiNotFoundResponse(NOT_YOURS)
  async remove(@CurrentActor() actor: Actor, @Param('materialId', MaterialId) materialId: string) {
    await this.materials.remove(actor, materialId);
  }

  @Get('events/:id/directory')
  @ApiOperation({
    summary:
      'The participants who chose to be listed (confirmed participants and staff only); no emails or phones',
  })
  @ApiOkResponse({ type: [DirectoryEntryResponse] })
  @ApiNotFoundResponse(NOT_YOURS)
  listDirectory(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.directory.list(actor, id);
  }

  @Get('registrations/:id/directory')
  @ApiOperation({ summary: 'Whether my registration is listed in the directory' })
  @ApiOkResponse({ type: DirectoryListingResponse })
  @ApiNotFoundResponse(NOT_YOURS)
  directoryStatus(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.directory.status(actor, id);
  }

  @Put('registrations/:id/directory')
  @ApiOperation({ summary: 'Shows me in, or withdraws me from, the directory (off by default)' })
  @ApiOkResponse({ type: DirectoryListingResponse })
  @ApiNotFoundResponse(NOT_YOURS)
  @ApiConflictResponse({ type: SharingErrorResponse, description: 'The registration is not live' })
  putDirectory(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: PutDirectoryListingDto,
  ) {
    return this.directory.setListed(actor, id, dto.listed);
  }
}
