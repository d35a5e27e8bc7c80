import { Injectable } from '@nestjs/common';
import { createClient, isAuthApiError, type AuthError, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { AppConfig } from '../../shared/config/app-config.js';
import {
  AppError,
  ConflictError,
  NotFoundError,
  UnauthorizedError,
  UnavailableError,
  UnprocessableError,
} from '../../shared/errors/app-error.js';
import { IdentityProvider, type NewIdentity, type SignInResult } from './identity-provider.js';

/** Accounts held by Supabase Auth (GoTrue), managed through supabase-js's admin API. */
@Injectable()
export class SupabaseIdentityProvider extends IdentityProvider {
  readonly kind = 'supabase' as const;
  private adminClient: SupabaseClient | undefined;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async createUser(identity: NewIdentity): Promise<{ id: string; email: string }> {
    const { data, error } = await this.admin().auth.admin.createUser({
      email: identity.email,
      password: identity.password,
      email_confirm: true, // the original sent `email_confirmed`, which GoTrue ignores
      user_metadata: identity.metadata,
    });
    if (error || !data.user) {
      // GoTrue answers 422 for a weak password as well, so the status alone does not say "taken";
      // the message is for servers older than error codes
      if (error?.code === 'email_exists' || /already been registered/i.test(error?.message ?? '')) {
        throw new ConflictError('email_taken', `An account with e-mail ${identity.email} already exists`);
      }
      throw this.refusal(error) ?? this.failure('create user', error);
    }
    return { id: data.user.id, email: data.user.email ?? identity.email };
  }

  async deleteUser(id: string): Promise<void> {
    const { error } = await this.admin().auth.admin.deleteUser(id);
    // already gone is what was asked for (and what the self-hosted provider does); rollbacks rely on it
    if (error && !isUserNotFound(error)) throw this.failure('delete user', error);
  }

  async setPassword(id: string, password: string): Promise<void> {
    const { error } = await this.admin().auth.admin.updateUserById(id, { password });
    if (error && isUserNotFound(error)) throw new NotFoundError('user_not_found', `User ${id} not found`);
    if (error) throw this.refusal(error) ?? this.failure('set password', error);
  }

  async signIn(email: string, password: string): Promise<SignInResult> {
    // A throwaway client: signing in stores a session on the client, which must not be shared.
    const { data, error } = await this.client().auth.signInWithPassword({ email, password });
    if (error || !data.session) {
      // Only GoTrue's own 400/422 answers are about the credentials. A network failure arrives with
      // status 0 and a wrong service-role key as the gateway's 401: calling those wrong passwords
      // would also count them against the user in the login rate limiter.
      if (isAuthApiError(error) && (error.status === 400 || error.status === 422)) {
        throw new UnauthorizedError('invalid_credentials', 'Wrong e-mail or password');
      }
      throw this.failure('sign in', error);
    }
    return {
      accessToken: data.session.access_token,
      expiresIn: data.session.expires_in,
      userId: data.session.user.id,
      email: data.session.user.email ?? email,
    };
  }

  private admin(): SupabaseClient {
    this.adminClient ??= this.client();
    return this.adminClient;
  }

  private client(): SupabaseClient {
    const key = this.config.env.SUPABASE_SERVICE_ROLE_KEY;
    if (!key)
      throw new UnavailableError('identity_unavailable', 'SUPABASE_SERVICE_ROLE_KEY is not configured');
    return createClient(this.config.env.SUPABASE_URL!, key, {
      auth: { persistSession: false, autoRefreshToken: false },
      // supabase-js throws in createClient on Node 20 without an explicit WebSocket transport.
      realtime: { transport: WebSocket as never },
    });
  }

  /** GoTrue's verdicts on the request itself, which retrying cannot fix. */
  private refusal(error: AuthError | null): AppError | undefined {
    if (error?.code === 'weak_password') return new UnprocessableError('weak_password', error.message);
    return undefined;
  }

  private failure(action: string, error: { message: string } | null): AppError {
    return new UnavailableError(
      'identity_unavailable',
      `Supabase Auth could not ${action}: ${error?.message ?? 'no data'}`,
    );
  }
}

function isUserNotFound(error: AuthError): boolean {
  return error.code === 'user_not_found' || (isAuthApiError(error) && error.status === 404);
}
