import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { TooManyRequestsException } from './too-many-requests.exception';
import { maskPii } from './pii';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  errors?: string[];
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/** One answer shape for every error: `{ statusCode, code, message, requestId }`; never a stack or an upstream body. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = { ...this.describe(exception), requestId: String(request.id ?? '') };
    if (body.statusCode >= 500) {
      this.logger.error(
        { errorId: body.requestId, err: exception instanceof Error ? exception : undefined, code: body.code },
        maskPii(exception instanceof Error ? exception.message : 'Unknown error'),
      );
    }
    if (response.headersSent) return;
    // The rate-limit answer has its own documented shape.
    if (exception instanceof TooManyRequestsException) return void response.status(429).json(exception.getResponse());
    const fallback = body.statusCode >= 500 ? this.fallback(request) : null;
    if (fallback) return void response.status(200).json(fallback);
    response.status(body.statusCode).json(body);
  }

  /**
   * What a route answers instead of a server error, where its caller would rather hear something (a face's filter
   * says; see the Retell face): nothing by default, so the error is answered as it is.
   */
  protected fallback(_request: Request): object | null {
    return null;
  }

  describe(exception: unknown): Omit<ErrorBody, 'requestId'> {
    if (exception instanceof DomainError) {
      const errors = exception.errors ? { code: 'VALIDATION_FAILED', errors: [...exception.errors] } : {};
      return { statusCode: exception.httpStatus, code: exception.code, message: exception.message, ...errors };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code === PG_UNIQUE_VIOLATION)
        return { statusCode: 409, code: 'CONFLICT', message: 'A record with these values already exists' };
      if (code === PG_FOREIGN_KEY_VIOLATION)
        return { statusCode: 409, code: 'CONFLICT', message: 'A referenced record does not exist or is still in use' };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error' };
  }
}

function fromHttpException(exception: HttpException): Omit<ErrorBody, 'requestId'> {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const raw =
    typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
  const code = (HttpStatus[statusCode] as string | undefined) ?? 'ERROR';
  if (Array.isArray(raw)) {
    const errors = raw.map(String);
    return { statusCode, code: 'VALIDATION_FAILED', message: errors.join('; '), errors };
  }
  return { statusCode, code, message: typeof raw === 'string' ? raw : exception.message };
}
