import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PatientCodeParamDto } from '../patient/dto/patient.dto.js';
import { SessionCodeParamDto } from '../session/dto/session-request.dto.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import {
  CreatePatientNoteDto,
  CreateSessionNoteDto,
  ListNotesQueryDto,
  NoteIdParamDto,
  UpdateNoteDto,
} from './dto/note-request.dto.js';
import { NoteDto, NotePageDto } from './dto/note.dto.js';
import { NotesReaderService } from './notes-reader.service.js';
import { NotesWriterService } from './notes-writer.service.js';

/**
 * Clinical notes: free text that may name the patient, so admins and the patient's therapist
 * only (researchers are refused). Another therapist's patient, session or note is a 404.
 */
@ApiTags('clinical notes')
@Controller()
export class ClinicalNotesController {
  constructor(
    private readonly reader: NotesReaderService,
    private readonly writer: NotesWriterService,
  ) {}

  @Get('patients/:patient_code/notes')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: 'All notes about a patient (patient, session and file notes), newest first' })
  @ApiOkResponse({ type: NotePageDto })
  @ApiErrors(400, ERR.patientNotFound)
  listForPatient(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @Query() query: ListNotesQueryDto,
  ): Promise<NotePageDto> {
    return this.reader.forPatient(user, params.patient_code, query);
  }

  @Post('patients/:patient_code/notes')
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary: 'Write a note about a patient, or about one of their stored files (file_path)',
  })
  @ApiCreatedResponse({ type: NoteDto })
  @ApiErrors(400, ERR.patientNotFound)
  createForPatient(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @Body() body: CreatePatientNoteDto,
  ): Promise<NoteDto> {
    return this.writer.forPatient(user, params.patient_code, body);
  }

  @Get('sessions/:session_code/notes')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: "A session's notes and the notes about its file, newest first" })
  @ApiOkResponse({ type: NotePageDto })
  @ApiErrors(400, ERR.sessionNotFound)
  listForSession(
    @CurrentUser() user: AuthUser,
    @Param() params: SessionCodeParamDto,
    @Query() query: ListNotesQueryDto,
  ): Promise<NotePageDto> {
    return this.reader.forSession(user, params.session_code, query);
  }

  @Post('sessions/:session_code/notes')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: 'Write a note about a session' })
  @ApiCreatedResponse({ type: NoteDto })
  @ApiErrors(400, ERR.sessionNotFound)
  createForSession(
    @CurrentUser() user: AuthUser,
    @Param() params: SessionCodeParamDto,
    @Body() body: CreateSessionNoteDto,
  ): Promise<NoteDto> {
    return this.writer.forSession(user, params.session_code, body);
  }

  @Patch('notes/:id')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: "Change a note's title or content (its author or an admin)" })
  @ApiOkResponse({ type: NoteDto })
  @ApiErrors(400, ERR.noteNotFound)
  update(
    @CurrentUser() user: AuthUser,
    @Param() params: NoteIdParamDto,
    @Body() body: UpdateNoteDto,
  ): Promise<NoteDto> {
    return this.writer.update(user, params.id, body);
  }

  @Delete('notes/:id')
  @HttpCode(204)
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: 'Delete a note (its author or an admin)' })
  @ApiNoContentResponse()
  @ApiErrors(ERR.noteNotFound)
  delete(@CurrentUser() user: AuthUser, @Param() params: NoteIdParamDto): Promise<void> {
    return this.writer.delete(user, params.id);
  }
}
