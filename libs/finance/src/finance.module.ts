import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '#events';
import { RegistrationsModule } from '#registrations';
import { CostItem, CostReceipt, CostStatusChange } from './cost-item.entity.js';
import {
  EventCostCoverage,
  EventCurrencyRate,
  RegistrationCostCoverage,
} from './coverage.entity.js';
import { CostCoverageService } from './coverage.service.js';

/**
 * Who pays what (per event, per participant), costs, receipts, rates and the finance view.
 * Builds on registrations; reads accommodation stays when that lib is present.
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
  ],
  providers: [CostCoverageService],
  exports: [CostCoverageService],
})
export class FinanceModule {}
