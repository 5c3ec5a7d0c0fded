import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, UuidParamPipe } from '#core';
import {
  CostCoverageService,
  Costs,
  CreateCostItemDto,
  CurrencyRates,
  FinanceQueryDto,
  FinanceReports,
  MoveCostStatusDto,
  PutCoverageDto,
  PutCoverageOverrideDto,
  PutRateDto,
  RECEIPT_MAX_BYTES,
  Receipts,
  type UploadedFile as ReceiptFile,
  UpdateCostItemDto,
} from '#finance';
import { ReceiptUploadGuard } from './receipt-upload.guard.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import {
  CostItemResponse,
  CoverageResponse,
  ErrorResponse,
  FinanceSummaryResponse,
  RateResponse,
  ReceiptResponse,
  RegistrationCostsResponse,
} from './finance.responses.js';

const EventId = new UuidParamPipe('Event');
const RegistrationId = new UuidParamPipe('Registration');
const ItemId = new UuidParamPipe('Cost');
const ReceiptId = new UuidParamPipe('Receipt');
const NOT_YOURS = { type: ErrorResponse, description: 'Unknown, or not yours to see' };

/** An event's coverage, rates and finance view: organisers only. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('events/:id')
export class EventFinanceController {
  constructor(
    private readonly coverage: CostCoverageService,
    private readonly rates: CurrencyRates,
    private readonly reports: FinanceReports,
  ) {}

  @Get('cost-coverage')
  @ApiOperation({ summary: "Who pays what for the event's participants, and the per diem" })
  @ApiOkResponse({ type: CoverageResponse })
  getCoverage(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.coverage.getForEvent(actor, id);
  }

  @Put('cost-coverage')
  @ApiOperation({
    summary: 'Sets who pays what (network, partner or participant) and the per diem',
  })
  @ApiOkResponse({ type: CoverageResponse })
  putCoverage(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: PutCoverageDto,
  ) {
    return this.coverage.putForEvent(actor, id, dto);
  }

  @Get('currency-rates')
  @ApiOperation({ summary: "The organisers' exchange rates into the event's currency" })
  @ApiOkResponse({ type: [RateResponse] })
  listRates(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.rates.list(actor, id);
  }

  @Put('currency-rates/:currency')
  @ApiOperation({
    summary: "Records a rate: units of the event's currency for one unit of :currency",
  })
  @ApiOkResponse({ type: RateResponse })
  putRate(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('currency') currency: string,
    @Body() dto: PutRateDto,
  ) {
    return this.rates.put(actor, id, currency, dto.rate);
  }

  @Delete('currency-rates/:currency')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a rate (its amounts leave the totals until a new one)' })
  @ApiNoContentResponse({ description: 'Removed' })
  async deleteRate(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('currency') currency: string,
  ) {
    await this.rates.remove(actor, id, currency);
  }

  @Get('finance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Costs per participant, organisation and country in the event’s currency',
    description:
      'Amounts in other currencies are converted at the rates the organisers recorded; ' +
      '`missingRates` names the currencies left out for want of one. `?format=csv` ' +
      '(`separator=semicolon` for French and Spanish Excel) gives one row per participant.',
  })
  @ApiOkResponse({ type: FinanceSummaryResponse })
  async finance(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query() query: FinanceQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.format !== 'csv') return this.reports.summary(actor, id);
    const body = await this.reports.csv(actor, id, query.separator ?? 'comma');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="finance.csv"');
    return body;
  }
}

/** One registration's coverage and costs: the participant reads, organisers change. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('registrations/:id')
export class RegistrationCostsController {
  constructor(
    private readonly coverage: CostCoverageService,
    private readonly costs: Costs,
  ) {}

  @Get('costs')
  @ApiOperation({
    summary: 'What the trip costs, who pays, what is paid or reimbursed (participant, organisers)',
  })
  @ApiOkResponse({ type: RegistrationCostsResponse })
  @ApiNotFoundResponse(NOT_YOURS)
  get(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.costs.get(actor, id);
  }

  @Post('costs')
  @ApiOperation({ summary: 'Adds a cost line (flight, visa fee, ...) (organisers)' })
  @ApiCreatedResponse({ type: CostItemResponse })
  @ApiNotFoundResponse(NOT_YOURS)
  add(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: CreateCostItemDto,
  ) {
    return this.costs.add(actor, id, dto);
  }

  @Post('costs/per-diem')
  @ApiOperation({ summary: 'Records the per diem due as a line, so it can be marked paid' })
  @ApiCreatedResponse({ type: CostItemResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'no_per_diem: the network pays none' })
  perDiem(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.costs.recordPerDiem(actor, id);
  }

  @Get('cost-coverage')
  @ApiOperation({ summary: 'Who pays what for this participant (after their exceptions)' })
  @ApiOkResponse({ type: CoverageResponse })
  getCoverage(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.coverage.getForRegistration(actor, id);
  }

  @Put('cost-coverage')
  @ApiOperation({ summary: "Sets this participant's exceptions (null follows the event)" })
  @ApiOkResponse({ type: CoverageResponse })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: "coverage_not_set: set the event's first",
  })
  putCoverage(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: PutCoverageOverrideDto,
  ) {
    return this.coverage.putForRegistration(actor, id, dto);
  }
}

/** Cost lines and their receipts, by id. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller()
export class CostItemsController {
  constructor(
    private readonly costs: Costs,
    private readonly receipts: Receipts,
  ) {}

  @Patch('cost-items/:itemId')
  @ApiOperation({ summary: 'Changes a cost line (amounts only while still to pay)' })
  @ApiOkResponse({ type: CostItemResponse })
  @ApiNotFoundResponse(NOT_YOURS)
  update(
    @CurrentActor() actor: Actor,
    @Param('itemId', ItemId) itemId: string,
    @Body() dto: UpdateCostItemDto,
  ) {
    return this.costs.update(actor, itemId, dto);
  }

  @Delete('cost-items/:itemId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a cost line still to pay, with its receipts' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentActor() actor: Actor, @Param('itemId', ItemId) itemId: string) {
    const { storageKeys } = await this.costs.remove(actor, itemId);
    await this.receipts.forget(storageKeys);
  }

  @Post('cost-items/:itemId/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks a cost paid, reimbursed or back to pay (who and when are kept)' })
  @ApiOkResponse({ type: CostItemResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not a move this cost allows' })
  move(
    @CurrentActor() actor: Actor,
    @Param('itemId', ItemId) itemId: string,
    @Body() dto: MoveCostStatusDto,
  ) {
    return this.costs.move(actor, itemId, dto);
  }

  @Post('cost-items/:itemId/receipts')
  @ApiOperation({ summary: 'Attaches a receipt (PDF, JPEG or PNG, 5 MB at most) (organisers)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: ReceiptResponse })
  @UseGuards(ReceiptUploadGuard)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: RECEIPT_MAX_BYTES, files: 1, fields: 5 } }),
  )
  attach(
    @CurrentActor() actor: Actor,
    @Param('itemId', ItemId) itemId: string,
    @UploadedFile() file: ReceiptFile | undefined,
  ) {
    return this.receipts.attach(actor, itemId, file);
  }

  @Get('receipts/:receiptId')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: 'A receipt (the participant and the organisers)' })
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiNotFoundResponse(NOT_YOURS)
  async read(@CurrentActor() actor: Actor, @Param('receiptId', ReceiptId) receiptId: string) {
    const { bytes, contentType, fileName } = await this.receipts.read(actor, receiptId);
    return new StreamableFile(bytes, {
      type: contentType,
      disposition: `attachment; filename="${encodeURIComponent(fileName)}"`,
      length: bytes.length,
    });
  }

  @Delete('receipts/:receiptId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a receipt (organisers)' })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeReceipt(
    @CurrentActor() actor: Actor,
    @Param('receiptId', ReceiptId) receiptId: string,
  ) {
    await this.receipts.remove(actor, receiptId);
  }
}
