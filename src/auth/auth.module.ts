import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../shared/config/app-config.js';
import { AnonymousRateLimiter } from './anonymous-rate-limiter.js';
import { AuthController } from './auth.controller.js';
import { AuthProfileRepository } from './auth-profile.repository.js';
import { AuthProfileService } from './auth-profile.service.js';
import { AuthService } from './auth.service.js';
import { BootstrapAdminService } from './bootstrap-admin.service.js';
import { AuthAccountRepository } from './identity/auth-account.repository.js';
import { IdentityProvider } from './identity/identity-provider.js';
import { SelfHostedIdentityProvider } from './identity/self-hosted-identity.provider.js';
import { SupabaseIdentityProvider } from './identity/supabase-identity.provider.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { JwtKeyProvider } from './jwt-key-provider.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { RolesGuard } from './roles.guard.js';
import { TokenSigner } from './token-signer.js';

/**
 * Authentication for every route: the global JWT guard (then the roles guard), token
 * verification for Supabase and self-hosted tokens, login, and the bootstrap admin.
 * The identity provider is Supabase Auth when SUPABASE_URL is set, our own auth.users otherwise.
 */
@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [
    TokenSigner,
    JwtKeyProvider,
    JwtStrategy,
    AuthProfileRepository,
    AuthProfileService,
    AuthAccountRepository,
    SelfHostedIdentityProvider,
    SupabaseIdentityProvider,
    {
      provide: IdentityProvider,
      inject: [AppConfig, SelfHostedIdentityProvider, SupabaseIdentityProvider],
      useFactory: (
        config: AppConfig,
        selfHosted: SelfHostedIdentityProvider,
        supabase: SupabaseIdentityProvider,
      ) => (config.supabaseConfigured ? supabase : selfHosted),
    },
    LoginRateLimiter,
    AnonymousRateLimiter,
    AuthService,
    BootstrapAdminService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [IdentityProvider, AuthProfileService],
})
export class AuthModule {}
