import { Injectable } from '@nestjs/common';
import { assertSafeObjectPath, ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { AppConfig } from '../shared/config/app-config.js';
import { UnprocessableError } from '../shared/errors/app-error.js';
import { CreateSession } from '../session/use-cases/create-session.js';
import type { StorageEventDto, WebhookResponseDto } from './dto/storage-event.dto.js';

/** "P042/x.c3d" -> "P042"; anything not under a P### folder -> null (the original's reading of the path). */
export function patientCodeFromPath(name: string): string | null {
  const first = name.split('/')[0] ?? '';
  return /^P[0-9]{3,}$/i.test(first) && name.includes('/') ? first.toUpperCase() : null;
}

/**
 * The storage insert event -> a queued session. Events that are not a C3D insert into our
 * bucket are acknowledged and ignored (200, `ignored` says why) so Supabase does not retry
 * them; a C3D insert we cannot attach to a patient is a 4xx. A replayed event finds the session
 * of the same file content and answers with it.
 */
@Injectable()
export class StorageWebhookService {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly sessions: CreateSession,
    private readonly config: AppConfig,
  ) {}

  async handle(event: StorageEventDto): Promise<{ accepted: boolean; body: WebhookResponseDto }> {
    const started = performance.now();
    const name = typeof event.record.name === 'string' ? event.record.name : '';
    const bucket = typeof event.record.bucket_id === 'string' ? event.record.bucket_id : '';
    const ignore = (reason: string) => ({
      accepted: false,
      body: {
        success: true,
        message: `Ignored: ${event.type} ${event.table} ${name}`,
        ignored: reason,
        session_code: null,
        session_id: null,
        processing_time_ms: null,
      },
    });
    if (event.type !== 'INSERT' || event.table !== 'objects' || event.schema !== 'storage')
      return ignore('not_an_object_insert');
    if (bucket !== this.storage.bucket) return ignore('wrong_bucket');
    // '../', '//', a backslash or NUL: a 400 the sender must not retry (storage would answer 503)
    assertSafeObjectPath(name);
    if (!name.toLowerCase().endsWith('.c3d')) return ignore('not_c3d');
    const patientCode = patientCodeFromPath(name);
    if (!patientCode) {
      throw new UnprocessableError(
        'patient_code_missing',
        `Object ${name} is not under a patient folder (P###/<file>.c3d)`,
      );
    }
    await this.sessions.assertPatientExists(patientCode);
    // the upload limit holds for files that arrive through storage too: refused before the
    // download when the event states the size, and after it otherwise
    const limit = this.config.env.MAX_UPLOAD_BYTES;
    const announced = sizeOf(event.record.metadata);
    if (announced !== null && announced > limit) throw tooLarge(name, announced, limit);
    const bytes = await this.storage.get(name);
    if (bytes.length > limit) throw tooLarge(name, bytes.length, limit);
    if (bytes.length === 0) throw new UnprocessableError('empty_file', `Object ${name} is empty`);
    const session = await this.sessions.fromStorage(patientCode, name, bytes);
    return {
      accepted: true,
      body: {
        success: true,
        message: session.duplicate ? 'Already registered' : 'C3D processing initiated',
        session_code: session.session_code,
        session_id: session.id,
        duplicate: session.duplicate,
        processing_time_ms: performance.now() - started,
      },
    };
  }
}

function sizeOf(metadata: unknown): number | null {
  const size =
    typeof metadata === 'object' && metadata !== null ? (metadata as { size?: unknown }).size : undefined;
  return typeof size === 'number' && Number.isFinite(size) ? size : null;
}

function tooLarge(name: string, size: number, limit: number): UnprocessableError {
  return new UnprocessableError(
    'file_too_large',
    `Object ${name} has ${size} bytes; the limit is ${limit} (MAX_UPLOAD_BYTES)`,
    {
      size_bytes: size,
      limit_bytes: limit,
    },
  );
}
