import type { CalcomFake } from './calcom-fake';

/** Requests to a running fake as the gateway sends them: the bearer key and the version each route pins. */
export function fakeCaller(fake: () => CalcomFake, key = 'cal_fixture_fake') {
  return async (
    method: string,
    path: string,
    body?: unknown,
    version = path.startsWith('/v2/slots') ? '2024-09-04' : '2024-08-13',
  ) => {
    const res = await fetch(`${fake().url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'cal-api-version': version, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      body: (await res.json()) as { status: string; data: any; error?: { code: string; message: string } },
    };
  };
}
