import { Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GoneError } from '../shared/errors/app-error.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';

const VAULT_REMOVED =
  'The password vault has been removed. Temporary passwords are shown once, in the response to ' +
  'user creation or password reset, and are never stored in a retrievable form. If a password ' +
  'was lost, set a new one with "Reset password".';

function vaultRemoved(): GoneError {
  return new GoneError('password_vault_removed', VAULT_REMOVED);
}

/**
 * The original's password vault kept temporary passwords decryptable, with the key stored next
 * to the ciphertext, so anyone with the database could read them. It is not rebuilt: both routes answer 410 with a
 * message its client shows (`detail`). Admins only, like the original, so others still get 403.
 */
@ApiTags('admin')
@Auth('admin')
@Controller('admin/password-vault')
export class PasswordVaultController {
  @Get()
  @ApiOperation({ summary: 'Removed: temporary passwords are no longer stored (410)', deprecated: true })
  @ApiErrors(ERR.passwordVaultRemoved)
  list(): never {
    throw vaultRemoved();
  }

  @Post(':password_id/retrieve')
  @ApiParam({ name: 'password_id', description: 'The id the original vault gave (any value: always 410)' })
  @ApiOperation({ summary: 'Removed: temporary passwords are no longer stored (410)', deprecated: true })
  @ApiErrors(ERR.passwordVaultRemoved)
  retrieve(): never {
    throw vaultRemoved();
  }
}
