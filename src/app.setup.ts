import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { bodyHygieneMiddleware } from './common/body-hygiene.middleware';
import { appConfig, AppConfig } from './config/configuration';
import { requestIdMiddleware } from './logging/request-id.middleware';

export const APP_OPTIONS = { rawBody: true, bodyParser: false, bufferLogs: true, abortOnError: false } as const;

/** Everything that must be set on the application instance. Used by main.ts and by the e2e tests alike. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get<AppConfig>(appConfig.KEY);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware);
  // Created with bodyParser: false, so this is the only JSON parser; rawBody keeps the bytes Retell signed.
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.use(bodyHygieneMiddleware);
  app.use(helmet({ contentSecurityPolicy: false }));
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}

function setupOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Voice booking gateway: admin API')
      .setDescription('Tenants, tokens, calls and customers. Every route needs an admin bearer token.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer' }, 'admin')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
