import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { MeController } from './me.controller.js';
import { TherapistsController } from './therapists.controller.js';
import { UserAdminService } from './user-admin.service.js';
import { UserProfileRepository } from './user-profile.repository.js';
import { UserService } from './user.service.js';

@Module({
  imports: [AuthModule],
  controllers: [AdminUsersController, MeController, TherapistsController],
  providers: [UserProfileRepository, AuditLogRepository, UserAdminService, UserService],
  exports: [AuditLogRepository, UserProfileRepository],
})
export class UserModule {}
