import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import {
  assertSafeObjectPath,
  ObjectStorage,
  StorageObjectNotFoundError,
  StorageUnavailableError,
} from './object-storage.js';

/** Supabase Storage through supabase-js with the service-role key (server side only). */
export class SupabaseStorage extends ObjectStorage {
  private readonly client: SupabaseClient;

  constructor(
    url: string,
    serviceRoleKey: string,
    readonly bucket: string,
  ) {
    super();
    // On Node 20 createClient throws unless a WebSocket implementation is supplied for realtime.
    this.client = createClient(url, serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
    });
  }

  async put(path: string, data: Uint8Array, contentType = 'application/octet-stream'): Promise<void> {
    assertSafeObjectPath(path);
    const { error } = await this.client.storage.from(this.bucket).upload(path, data, { upsert: true, contentType });
    if (error) throw new StorageUnavailableError(`Upload of ${path} failed: ${error.message}`, { cause: error });
  }

  async get(path: string): Promise<Uint8Array> {
    assertSafeObjectPath(path);
    const { data, error } = await this.client.storage.from(this.bucket).download(path);
    if (error || !data) {
      const status = (error as { status?: number; statusCode?: string } | null)?.status;
      if (status === 404 || /not found/i.test(error?.message ?? '')) throw new StorageObjectNotFoundError(path);
      throw new StorageUnavailableError(`Download of ${path} failed: ${error?.message ?? 'no data'}`, { cause: error });
    }
    return new Uint8Array(await data.arrayBuffer());
  }

  async delete(path: string): Promise<void> {
    assertSafeObjectPath(path);
    const { error } = await this.client.storage.from(this.bucket).remove([path]);
    if (error) throw new StorageUnavailableError(`Delete of ${path} failed: ${error.message}`, { cause: error });
  }

  async checkWritable(): Promise<void> {
    const probe = `.health/${randomUUID()}`;
    await this.put(probe, new Uint8Array([1]));
    await this.delete(probe);
  }
}
