import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import WebSocket from 'ws';
import {
  assertSafeObjectPath,
  ObjectStorage,
  StorageObjectNotFoundError,
  StorageUnavailableError,
} from './object-storage.js';

/**
 * storage-js pastes the object name into the request URL as it is, so a `?` (which Storage allows
 * in keys) would end the path and the object would be written or read under a shorter name.
 * Storage percent-decodes the path, so encoding each segment yields exactly the key.
 */
function urlSafe(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * Storage answers a missing object with HTTP 400 and `statusCode: "404"` in the body (newer
 * servers may send a real 404). A missing bucket reads the same but is a configuration problem,
 * not a missing file: it must stay retryable instead of failing sessions for good.
 */
function isMissingObject(error: { status?: number; statusCode?: string; message: string }): boolean {
  return (error.status === 404 || error.statusCode === '404') && !/bucket/i.test(error.message);
}

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
    const { error } = await this.client.storage
      .from(this.bucket)
      .upload(urlSafe(path), data, { upsert: true, contentType });
    if (error)
      throw new StorageUnavailableError(`Upload of ${path} failed: ${error.message}`, { cause: error });
  }

  /**
   * The file as a stream body (a raw upload, chunked): never loaded whole. A Blob would be sent
   * as multipart form data instead.
   */
  override async putFile(
    path: string,
    localFile: string,
    contentType = 'application/octet-stream',
  ): Promise<void> {
    assertSafeObjectPath(path);
    const { error } = await this.client.storage
      .from(this.bucket)
      .upload(urlSafe(path), createReadStream(localFile), { upsert: true, contentType, duplex: 'half' });
    if (error)
      throw new StorageUnavailableError(`Upload of ${path} failed: ${error.message}`, { cause: error });
  }

  async get(path: string): Promise<Uint8Array> {
    assertSafeObjectPath(path);
    const { data, error } = await this.client.storage.from(this.bucket).download(urlSafe(path));
    if (error || !data) {
      if (error && isMissingObject(error)) throw new StorageObjectNotFoundError(path);
      throw new StorageUnavailableError(`Download of ${path} failed: ${error?.message ?? 'no data'}`, {
        cause: error,
      });
    }
    return new Uint8Array(await data.arrayBuffer());
  }

  async delete(path: string): Promise<void> {
    assertSafeObjectPath(path);
    // names travel in the JSON body here, not in the URL
    const { error } = await this.client.storage.from(this.bucket).remove([path]);
    if (error)
      throw new StorageUnavailableError(`Delete of ${path} failed: ${error.message}`, { cause: error });
  }

  async checkWritable(): Promise<void> {
    const probe = `.health/${randomUUID()}`;
    await this.put(probe, new Uint8Array([1]));
    await this.delete(probe);
  }
}
