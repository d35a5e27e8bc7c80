import { Global, Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../../shared/config/app-config.js';
import { FilesystemStorage } from './filesystem-storage.js';
import { ObjectStorage } from './object-storage.js';
import { SupabaseStorage } from './supabase-storage.js';

function createStorage(config: AppConfig): ObjectStorage {
  const { STORAGE_DRIVER, STORAGE_BUCKET, SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY } = config.env;
  if (STORAGE_DRIVER === 'supabase' && SUPABASE_URL && SUPABASE_SERVICE_ROLE_KEY) {
    return new SupabaseStorage(SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, STORAGE_BUCKET);
  }
  return new FilesystemStorage(join(config.dataDir, 'storage'), STORAGE_BUCKET);
}

@Global()
@Module({})
export class StorageModule {
  static forRoot(): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: ObjectStorage, inject: [AppConfig], useFactory: createStorage }],
      exports: [ObjectStorage],
    };
  }
}
