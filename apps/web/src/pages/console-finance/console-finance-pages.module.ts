import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { FinanceModule, RECEIPT_MAX_BYTES } from '#finance';
import { RegistrationsModule } from '#registrations';
import { multipartForm } from '../../http/multipart-form.js';
import { UploadGate } from '../../http/upload-gate.js';
import { ConsoleFinanceController } from './console-finance.controller.js';
import { MyCostsController } from './my-costs.controller.js';

/** The console-finance pages, and the participant's own receipts. */
@Module({
  imports: [FinanceModule, RegistrationsModule],
  controllers: [ConsoleFinanceController, MyCostsController],
  providers: [UploadGate],
})
export class ConsoleFinancePagesModule implements NestModule {
  constructor(private readonly gate: UploadGate) {}

  configure(consumer: MiddlewareConsumer): void {
    // Receipt forms: the file plus the form's few text fields; only from the organisers.
    const receiptUploads = multipartForm({
      maxBytes: () => RECEIPT_MAX_BYTES + 64 * 1024,
      path: /\/receipts$/,
      allow: this.gate.organisers,
    });
    consumer.apply(receiptUploads).forRoutes(ConsoleFinanceController);
  }
}
