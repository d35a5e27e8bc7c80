import { Module } from '@nestjs/common';
import { CacheAdminController } from './cache-admin.controller.js';
import { CacheAdminService } from './cache-admin.service.js';

/** /cache/*: admins' view of the cache in use (the original's monitoring routes). */
@Module({ controllers: [CacheAdminController], providers: [CacheAdminService] })
export class CacheAdminModule {}
