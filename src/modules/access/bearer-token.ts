import type { Request } from 'express';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,256})$/;

/**
 * The bearer token of a request, from the `Authorization` header only. A token in the query string or the body is
 * never read (it would end up in access logs, proxies and browser history), so such a request is unauthenticated.
 */
export function bearerToken(request: Pick<Request, 'headers'>): string | null {
  const header = request.headers.authorization;
  return typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? null) : null;
}
