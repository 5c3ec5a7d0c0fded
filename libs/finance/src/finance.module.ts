import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '#events';
import { FilesModule } from '#files';
import { RegistrationsModule } from '#registrations';
import { CostItem, CostReceipt, CostStatusChange } from './cost-item.entity.js';
import {
  EventCostCoverage,
  EventCurrencyRate,
  RegistrationCostCoverage,
} from './coverage.entity.js';
import { CostCoverageService } from './coverage.service.js';
import { Costs } from './costs.service.js';
import { FinanceReports } from './finance-reports.service.js';
import { CurrencyRates } from './rates.service.js';
import { Receipts } from './receipts.service.js';

/**
 * Who pays what (per event, per participant), costs, receipts, rates and the finance view.
 * Builds on registrations; nights come from accommodation's stay dates (flights or the
 * organiser's dates). Receipts go to the FILE_STORAGE of FilesModule (global).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      EventCostCoverage,
      RegistrationCostCoverage,
      EventCurrencyRate,
      CostItem,
      CostStatusChange,
      CostReceipt,
    ]),
    EventsModule,
    RegistrationsModule,
    FilesModule,
  ],
  providers: [CostCoverageService, Costs, Receipts, CurrencyRates, FinanceReports],
  exports: [CostCoverageService, Costs, Receipts, CurrencyRates, FinanceReports],
})
export class FinanceModule {}
