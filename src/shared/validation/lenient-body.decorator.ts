import { createParamDecorator, type ExecutionContext, type Type, ValidationPipe } from '@nestjs/common';

/** The raw request body, left alone by the global ValidationPipe (the service checks it). */
export const RequestBody = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): unknown =>
    ctx.switchToHttp().getRequest<{ body?: unknown }>().body ?? {},
);

/**
 * The request body validated as `dto`, with unknown fields dropped instead of refused. Only for
 * the original API's routes whose client sends more than the route reads (e.g. its whole
 * settings store on POST /upload); everywhere else the global pipe refuses unknown fields.
 * A custom parameter decorator, so the global ValidationPipe leaves it to this one.
 */
export const LenientBody = (dto: Type<unknown>) =>
  RequestBody(
    undefined,
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: false,
      transform: true,
      expectedType: dto,
      validateCustomDecorators: true,
      stopAtFirstError: false,
    }),
  );
