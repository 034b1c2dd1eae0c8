import './compile-cache';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './app.setup';
import { appConfig, AppConfig, loadEnv } from './config/configuration';
import { EnvValidationError } from './config/env.parser';
import { cacheZoneOffsets } from './common/zone-offsets';
import { assertEmbeddedDatabaseFree } from './database/embedded-lock';
import { assertPortFree, SERVER_HELP, startupError, startupSummary } from './startup';

/** Validates the environment, then serves; exits 1 with the reason when either fails. */
export async function bootstrap(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(SERVER_HELP);
    return;
  }
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (!(error instanceof EnvValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  await assertPortFree(env.PORT, env.HOST);
  if (!env.DATABASE_URL && !env.DATA_DIR.startsWith('memory://')) assertEmbeddedDatabaseFree(env.DATA_DIR);
  cacheZoneOffsets();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, APP_OPTIONS);
  configureApp(app);
  const config = app.get<AppConfig>(appConfig.KEY);
  await app.listen(config.port, config.host);
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const { line, warning } = startupSummary(app, `http://${shown}:${config.port}`);
  const logger = new Logger('Gateway');
  logger.log(line);
  if (warning) logger.warn(warning);
  exitWithin(SHUTDOWN_DEADLINE_MS);
}

/** Nest answers what is in flight and closes everything on SIGTERM; a Redis or database that hangs must not stop that. */
const SHUTDOWN_DEADLINE_MS = 9_000;

function exitWithin(ms: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`Shutdown took longer than ${ms} ms; exiting now\n`);
        process.exit(1);
      }, ms).unref();
    });
  }
}

export function run(): void {
  bootstrap().catch((error: Error) => {
    process.stderr.write(`${startupError(error)}\n`);
    process.exit(1);
  });
}

if (require.main === module) run();
