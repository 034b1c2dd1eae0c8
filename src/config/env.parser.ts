import { MAKE_A_KEY, parseEncryptionKey } from './encryption-key';

export class EnvValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid environment: ${problems[0]}`
        : `Invalid environment:\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'EnvValidationError';
  }
}

type Raw = Record<string, string | undefined>;
type Rule<T> = (value: string | undefined, name: string) => T;

class Problem extends Error {}

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

export const stringWithDefault =
  (fallback: string): Rule<string> =>
  (value) =>
    present(value) ? value.trim() : fallback;

export const integer =
  (fallback: number, min: number, max: number): Rule<number> =>
  (value) => {
    if (!present(value)) return fallback;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || parsed < min || parsed > max) {
      throw new Problem(`expects an integer from ${min} to ${max}`);
    }
    return parsed;
  };

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2 };

/** A size in bytes, written "25mb", "512kb" or a plain number of bytes. */
export const byteSize =
  (fallback: number, min: number, max: number): Rule<number> =>
  (value) => {
    if (!present(value)) return fallback;
    const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(value.trim());
    const bytes = match ? Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()] : NaN;
    if (!(bytes >= min && bytes <= max)) throw new Problem(`expects a size such as 25mb, from ${min} to ${max} bytes`);
    return bytes;
  };

export const boolean =
  (fallback: boolean): Rule<boolean> =>
  (value) => {
    if (!present(value)) return fallback;
    const normalised = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
    if (['false', '0', 'no', 'off'].includes(normalised)) return false;
    throw new Problem('expects true or false');
  };

export const optionalBoolean: Rule<boolean | undefined> = (value, name) =>
  present(value) ? boolean(false)(value, name) : undefined;

export const oneOf =
  <T extends string>(fallback: T, allowed: readonly T[]): Rule<T> =>
  (value) => {
    if (!present(value)) return fallback;
    const normalised = value.trim() as T;
    if (!allowed.includes(normalised)) throw new Problem(`expects one of ${allowed.join(', ')}`);
    return normalised;
  };

export const url =
  (protocols: readonly string[], fallback?: string): Rule<string | undefined> =>
  (value) => {
    if (!present(value)) return fallback;
    let parsed: URL;
    try {
      parsed = new URL(value.trim());
    } catch {
      throw new Problem(`expects a URL (${protocols.join(' or ')})`);
    }
    if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
      throw new Problem(`expects a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`);
    }
    return value.trim().replace(/\/+$/, '');
  };

/** Comma-separated 32-byte keys, base64 or hex; the values never appear in a message. */
export const encryptionKeys: Rule<Buffer[]> = (value, name) => {
  const keys = list(value, name).map(parseEncryptionKey);
  if (keys.some((key) => key === null))
    throw new Problem(`expects 32-byte keys in base64 or hex, comma-separated (make one with: ${MAKE_A_KEY})`);
  return keys as Buffer[];
};

export const list: Rule<string[]> = (value) =>
  present(value)
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : [];

/** Applies every rule; collects all problems so the operator fixes them in one go. Values are never echoed: they may be secrets. */
export function parseWith<S extends Record<string, Rule<unknown>>>(
  rules: S,
  raw: Raw,
): { [K in keyof S]: ReturnType<S[K]> } {
  const problems: string[] = [];
  const result = {} as { [K in keyof S]: ReturnType<S[K]> };
  for (const [name, rule] of Object.entries(rules)) {
    try {
      result[name as keyof S] = rule(raw[name], name) as ReturnType<S[keyof S]>;
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      problems.push(`${name} ${error.message}`);
    }
  }
  if (problems.length > 0) throw new EnvValidationError(problems);
  return result;
}
