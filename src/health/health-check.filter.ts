import { ArgumentsHost, Catch, ExceptionFilter, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';

interface TerminusBody {
  status: string;
  error?: Record<string, unknown>;
}

/** Keeps terminus' per-dependency report in the 503 so an operator sees which dependency is down. */
@Catch(ServiceUnavailableException)
export class HealthCheckFilter implements ExceptionFilter {
  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request & { id?: string }>();
    const report = exception.getResponse() as TerminusBody;
    const down = Object.keys(report.error ?? {});
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(503)
      .json({
        statusCode: 503,
        code: 'NOT_READY',
        message: `Not ready: ${down.join(', ') || 'unknown'}`,
        requestId: String(request.id ?? ''),
        ...report,
      });
  }
}
