import { randomBytes } from 'node:crypto';
import { AppConfig } from '@app/config/app-config';
import { SecretBox, sha256Hex } from './secret-box';

const box = (key = randomBytes(32)) => new SecretBox({ encryptionKey: key } as AppConfig);

describe(SecretBox.name, () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const secretBox = box();
    const a = secretBox.seal('JBSWY3DPEHPK3PXP');
    const b = secretBox.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(secretBox.open(a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered value or another key', () => {
    const secretBox = box();
    const sealed = secretBox.seal('secret');
    const parts = sealed.split('.');
    const flipped = [parts[0], parts[1], parts[2], Buffer.from('x' + parts[3]).toString('base64url')].join('.');
    expect(() => secretBox.open(flipped)).toThrow();
    expect(() => box().open(sealed)).toThrow();
  });
});

describe('sha256Hex', () => {
  it('is the hex SHA-256', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
