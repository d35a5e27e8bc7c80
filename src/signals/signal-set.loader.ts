import { buildEmgSignals, type EmgSignalSet } from '@app/analysis';
import { C3dError, readC3d } from '@app/c3d';
import { Injectable } from '@nestjs/common';
import { ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { UnprocessableError } from '../shared/errors/app-error.js';
import { objectPathOf } from '../session/storage-path.js';

/** The stored file of one session version. */
export interface StoredRecording {
  id: string;
  result_version: number;
  file_path: string;
}

/** Full-resolution sets kept in this process: a client reading several channels of one session. */
const RECENT_SETS = 2;

/**
 * The EMG signals of a stored session, regenerated from its C3D file (nothing but the file is
 * stored). The last few sets stay in memory so that reading a session's channels one after the
 * other parses the file once; answers themselves are cached by the service.
 */
@Injectable()
export class SignalSetLoader {
  private readonly recent = new Map<string, Promise<EmgSignalSet>>();

  constructor(private readonly storage: ObjectStorage) {}

  load(session: StoredRecording): Promise<EmgSignalSet> {
    const key = `${session.id}:v${session.result_version}`;
    const hit = this.recent.get(key);
    if (hit) {
      // most recently used last
      this.recent.delete(key);
      this.recent.set(key, hit);
      return hit;
    }
    const loading = this.read(session);
    this.recent.set(key, loading);
    loading.catch(() => this.recent.delete(key));
    while (this.recent.size > RECENT_SETS) this.recent.delete(this.recent.keys().next().value!);
    return loading;
  }

  private async read(session: StoredRecording): Promise<EmgSignalSet> {
    const bytes = await this.storage.get(objectPathOf(session.file_path, this.storage.bucket));
    try {
      return buildEmgSignals(readC3d(bytes));
    } catch (error) {
      if (error instanceof C3dError) {
        throw new UnprocessableError('unreadable_file', `The stored file cannot be read: ${error.message}`);
      }
      throw error;
    }
  }
}
