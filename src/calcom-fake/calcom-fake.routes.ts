/** Which cal-api-version each route serves (contracts/calcom.md); any other value is a 404, as on Cal.com. */
const ROUTE_VERSIONS: Array<[string, RegExp, string]> = [
  ['GET', /^\/v2\/slots$/, '2024-09-04'],
  ['POST', /^\/v2\/slots\/reservations$/, '2024-09-04'],
  ['GET|PATCH|DELETE', /^\/v2\/slots\/reservations\/[^/]+$/, '2024-09-04'],
  ['GET', /^\/v2\/event-types$/, '2024-06-14'],
  ['GET', /^\/v2\/event-types\/\d+$/, '2024-06-14'],
  ['POST', /^\/v2\/bookings$/, '2024-08-13'],
  ['GET', /^\/v2\/bookings$/, '2024-08-13'],
  ['GET', /^\/v2\/bookings\/[^/]+$/, '2024-08-13'],
  ['POST', /^\/v2\/bookings\/[^/]+\/(cancel|reschedule)$/, '2024-08-13'],
];

/** The version a route serves, or undefined for a route Cal.com does not have. */
export function servedVersion(method: string, path: string): string | undefined {
  return ROUTE_VERSIONS.find(([m, pattern]) => m.split('|').includes(method) && pattern.test(path))?.[2];
}
