import { ApiErrors } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';

/** Documents the 422 that @OriginalValidationStatus() makes of a request validation failure. */
export const ApiValidation422 = () => ApiErrors(ERR.validation422);
