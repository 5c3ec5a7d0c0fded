import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { FinanceModule, RECEIPT_MAX_BYTES } from '#finance';
import { RegistrationsModule } from '#registrations';
import { multipartForm } from '../../http/multipart-form.js';
import { ConsoleFinanceController } from './console-finance.controller.js';
import { MyCostsController } from './my-costs.controller.js';

/** Receipt forms: the file plus the form's few text fields and multipart framing. */
const receiptUploads = multipartForm({
  maxBytes: () => RECEIPT_MAX_BYTES + 64 * 1024,
  path: /\/receipts$/,
});

/** The console-finance pages, and the participant's own receipts. */
@Module({
  imports: [FinanceModule, RegistrationsModule],
  controllers: [ConsoleFinanceController, MyCostsController],
})
export class ConsoleFinancePagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(receiptUploads).forRoutes(ConsoleFinanceController);
  }
}
