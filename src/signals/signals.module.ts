import { Module } from '@nestjs/common';
import { SessionModule } from '../session/session.module.js';
import { SessionSignalsController, SignalsJitController } from './signals.controller.js';
import { SignalSetLoader } from './signal-set.loader.js';
import { SignalsService } from './signals.service.js';

/** EMG signals of stored sessions, regenerated from their files, under RLS. */
@Module({
  imports: [SessionModule],
  controllers: [SignalsJitController, SessionSignalsController],
  providers: [SignalSetLoader, SignalsService],
  exports: [SignalSetLoader],
})
export class SignalsModule {}
