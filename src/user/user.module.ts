import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { MeController } from './me.controller.js';
import { PasswordVaultController } from './password-vault.controller.js';
import { TherapistResolutionCache } from './therapist-resolution.cache.js';
import { TherapistResolutionService } from './therapist-resolution.service.js';
import { TherapistsController } from './therapists.controller.js';
import { UserAdminService } from './user-admin.service.js';
import { UserPasswordService } from './user-password.service.js';
import { UserProfileRepository } from './user-profile.repository.js';
import { UserService } from './user.service.js';

@Module({
  imports: [AuthModule],
  controllers: [AdminUsersController, PasswordVaultController, MeController, TherapistsController],
  providers: [
    UserProfileRepository,
    AuditLogRepository,
    UserAdminService,
    UserPasswordService,
    UserService,
    TherapistResolutionService,
    TherapistResolutionCache,
  ],
  // TherapistResolutionCache: for modules whose changes alter a resolution (a patient's therapist).
  exports: [AuditLogRepository, UserProfileRepository, TherapistResolutionCache],
})
export class UserModule {}
