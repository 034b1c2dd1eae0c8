import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { serveConsole } from './console-assets';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { bodyHygieneMiddleware } from './common/body-hygiene.middleware';
import { appConfig, AppConfig } from './config/configuration';
import { quietFramework } from './logging/quiet-framework.logger';
import { requestIdMiddleware } from './logging/request-id.middleware';
import { RETELL_PATHS } from './modules/retell/retell-routes';

const keepRawBody = (request: IncomingMessage, _response: ServerResponse, buffer: Buffer) => {
  (request as IncomingMessage & { rawBody?: Buffer }).rawBody = buffer;
};

export const APP_OPTIONS = { rawBody: true, bodyParser: false, bufferLogs: true, abortOnError: false } as const;

/** Everything that must be set on the application instance. Used by main.ts and by the e2e tests alike. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get<AppConfig>(appConfig.KEY);
  app.useLogger(quietFramework(app.get(Logger)));
  app.set('trust proxy', config.trustProxy);
  // Answers are computed per call: a validator would never match, and hashing every body costs each request.
  app.set('etag', false);
  app.use(requestIdMiddleware);
  // Created with bodyParser: false, so these are the only JSON parsers; both keep the raw bytes Retell signed.
  // Retell's routes take long calls' transcripts; everything else keeps the small limit.
  app.use(RETELL_PATHS, json({ limit: config.retellBodyLimit, verify: keepRawBody }));
  app.use(json({ limit: config.bodyLimit, verify: keepRawBody }));
  app.use(bodyHygieneMiddleware);
  app.use(helmet({ contentSecurityPolicy: false }));
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
  app.enableShutdownHooks();
  serveConsole(app);
  setupOpenApi(app);
  return app;
}

/** The OpenAPI document is built on the first request for it (about 100 ms that a start need not wait for). */
function setupOpenApi(app: NestExpressApplication): void {
  const document = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Voice booking gateway')
        .setDescription(
          'Retell functions and webhooks (signed by Retell, or a function token), the MCP endpoint, and the admin API ' +
            '(admin tokens). Function answers are always 200 with a sentence the agent can say.',
        )
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Admin token (vbg_adm_…)' }, 'admin')
        .addBearerAuth(
          { type: 'http', scheme: 'bearer', description: 'Function token of one company (vbg_fn_…)' },
          'function-token',
        )
        .addApiKey(
          {
            type: 'apiKey',
            in: 'header',
            name: 'x-retell-signature',
            description: 'v=<ms>,d=<hex HMAC-SHA256 of body + ms>',
          },
          'retell-signature',
        )
        .addApiKey(
          {
            type: 'apiKey',
            in: 'header',
            name: 'x-cal-signature-256',
            description: 'hex HMAC-SHA256 of the body with the company’s Cal.com webhook secret',
          },
          'cal-signature',
        )
        .build(),
    );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
