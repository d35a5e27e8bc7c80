import { Module } from '@nestjs/common';
import { ClinicalNotesController } from './clinical-notes.controller.js';
import { ClinicalNotesRepository } from './clinical-notes.repository.js';
import { NotesReaderService } from './notes-reader.service.js';
import { NotesWriterService } from './notes-writer.service.js';

@Module({
  controllers: [ClinicalNotesController],
  providers: [ClinicalNotesRepository, NotesReaderService, NotesWriterService],
})
export class ClinicalNotesModule {}
