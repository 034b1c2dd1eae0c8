import type { LoggerService } from '@nestjs/common';

/** Nest's own start-up chatter (one line per module and route): useful when debugging, noise otherwise. */
const FRAMEWORK = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** The app's logger, with the framework's start-up lines at debug instead of info. */
export function quietFramework(logger: LoggerService): LoggerService {
  const contextOf = (params: unknown[]) => params.at(-1);
  return {
    log: (message: unknown, ...params: unknown[]) =>
      FRAMEWORK.has(contextOf(params) as string) ? logger.debug?.(message, ...params) : logger.log(message, ...params),
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal?.(message, ...params),
  };
}
