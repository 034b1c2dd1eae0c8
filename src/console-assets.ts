import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';

/**
 * The operator console's Content-Security-Policy: its own script and stylesheet only, requests to this gateway only,
 * no inline script or style element, no frames, no third party.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Where `npm run build` put the console (dist/console), seen from the server's build or its sources (tests). */
function consoleDir(): string | null {
  const candidates = [join(__dirname, '..', 'console'), join(__dirname, '..', 'dist', 'console')];
  return candidates.find((dir) => existsSync(join(dir, 'app.js'))) ?? null;
}

/** Serves /console (one page, its script and stylesheet) with a strict CSP and no caching of the page. */
export function serveConsole(app: NestExpressApplication): void {
  const dir = consoleDir();
  if (!dir) return;
  app.use('/console', (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.path === '/' && !req.originalUrl.split('?')[0].endsWith('/')) return res.redirect(301, '/console/');
    next();
  });
  app.use('/console', serveStatic(dir, { index: 'index.html', fallthrough: true, redirect: false }));
}
