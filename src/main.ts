import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './app.setup';
import { appConfig, AppConfig, loadEnv } from './config/configuration';
import { EnvValidationError } from './config/env.parser';

/** Validates the environment, then serves; exits 1 with the reason when either fails. */
export async function bootstrap(): Promise<void> {
  try {
    loadEnv();
  } catch (error) {
    if (!(error instanceof EnvValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule, APP_OPTIONS);
  configureApp(app);
  const config = app.get<AppConfig>(appConfig.KEY);
  await app.listen(config.port, config.host);
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
    process.stderr.write(`Startup failed: ${error.message}\n`);
    process.exit(1);
  });
}

if (require.main === module) run();
