import { Module } from '@nestjs/common';
import { FinanceModule } from '#finance';
import {
  CostItemsController,
  EventFinanceController,
  RegistrationCostsController,
} from './finance.controller.js';

/** Costs, coverage, receipts and rates over HTTP; one import in AppModule. */
@Module({
  imports: [FinanceModule],
  controllers: [EventFinanceController, RegistrationCostsController, CostItemsController],
})
export class FinanceApiModule {}
