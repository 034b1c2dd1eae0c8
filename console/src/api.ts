import type { AdminGet } from './api.gen';

/**
 * The admin API as the console calls it. The token lives in this module's memory only: never in a URL, never in
 * localStorage or sessionStorage, gone on sign-out or reload; every request carries it as an Authorization header.
 */
let token: string | null = null;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const signedIn = () => token !== null;

export function signOut(): void {
  token = null;
}

type Query = Record<string, string | number | undefined>;

/** `path` with its `{params}` filled in: `pathOf('/api/admin/calls/{id}', { id })`. */
export function pathOf<P extends keyof AdminGet>(path: P, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
}

export async function get<P extends keyof AdminGet>(
  path: P,
  params: Record<string, string> = {},
  query: Query = {},
): Promise<AdminGet[P]> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const url = pathOf(path, params) + (search.size > 0 ? `?${search}` : '');
  const res = await fetch(url, { headers: { authorization: `Bearer ${token ?? ''}`, accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new ApiError(res.status, body.message ?? res.statusText);
  }
  return (await res.json()) as AdminGet[P];
}

/** Tries the token against the API; kept (in memory) only when it works. */
export async function signIn(candidate: string): Promise<void> {
  token = candidate.trim();
  try {
    await get('/api/admin/companies', {}, { limit: 1 });
  } catch (error) {
    token = null;
    throw error;
  }
}
