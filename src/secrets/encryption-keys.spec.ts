import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEncryptionKey } from '../config/encryption-key';
import { embeddedKey, KEY_FILE } from './encryption-keys';

describe(parseEncryptionKey.name, () => {
  const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));

  it.each([
    ['base64', key.toString('base64')],
    ['base64url', key.toString('base64url')],
    ['hex', key.toString('hex')],
    ['hex in capitals, with spaces around', ` ${key.toString('hex').toUpperCase()} `],
  ])('reads a 32-byte key in %s', (_label, text) => {
    expect(parseEncryptionKey(text)).toEqual(key);
  });

  it.each([
    ['16 bytes', Buffer.alloc(16).toString('base64')],
    ['33 bytes of hex', 'ab'.repeat(33)],
    ['a passphrase', 'correct horse battery staple, really long one'],
    ['empty', ''],
  ])('refuses %s', (_label, text) => {
    expect(parseEncryptionKey(text)).toBeNull();
  });
});

describe(embeddedKey.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'vbg-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a key once in the data folder, readable by its owner only, and reads it back later', () => {
    const made = embeddedKey(join(dir, 'data'));
    expect(made).toMatchObject({ file: join(dir, 'data', KEY_FILE), created: true });
    expect(statSync(made.file!).mode & 0o777).toBe(0o600);
    const again = embeddedKey(join(dir, 'data'));
    expect(again).toMatchObject({ created: false });
    expect(again.key).toEqual(made.key);
    expect(parseEncryptionKey(readFileSync(made.file!, 'utf8'))).toEqual(made.key);
  });

  it('names a damaged key file instead of sealing with a wrong key', () => {
    writeFileSync(join(dir, KEY_FILE), 'not a key\n');
    expect(() => embeddedKey(dir)).toThrow(`${join(dir, KEY_FILE)} does not hold a 32-byte key`);
  });

  it('keeps an in-memory database key in memory', () => {
    expect(embeddedKey('memory://')).toMatchObject({ file: null, created: false });
  });
});
