import { generate } from 'otplib';
import { acceptTotp, newTotpSecret, totpUri } from './totp';

/** A fixed instant in the middle of a 30-second step: no test can straddle a step boundary. */
const STEP = 59_000_000;
const epoch = STEP * 30 + 15;
const at = new Date(epoch * 1000);
const codeAt = (secret: string, seconds: number) => generate({ secret, epoch: seconds });

describe('acceptTotp', () => {
  const secret = newTotpSecret();

  it('accepts the current code and returns its time step', async () => {
    expect(await acceptTotp(secret, await codeAt(secret, epoch), null, at)).toBe(STEP);
  });

  it('tolerates one step of clock skew either side, not two', async () => {
    expect(await acceptTotp(secret, await codeAt(secret, epoch - 30), null, at)).toBe(STEP - 1);
    expect(await acceptTotp(secret, await codeAt(secret, epoch + 30), null, at)).toBe(STEP + 1);
    expect(await acceptTotp(secret, await codeAt(secret, epoch - 60), null, at)).toBeUndefined();
    expect(await acceptTotp(secret, await codeAt(secret, epoch + 60), null, at)).toBeUndefined();
  });

  it('refuses a code from the last accepted step or before (replay)', async () => {
    const code = await codeAt(secret, epoch);
    const step = await acceptTotp(secret, code, null, at);
    expect(await acceptTotp(secret, code, step!, at)).toBeUndefined();
    expect(await acceptTotp(secret, await codeAt(secret, epoch - 30), step!, at)).toBeUndefined();
    expect(await acceptTotp(secret, await codeAt(secret, epoch + 30), step!, at)).toBe(STEP + 1);
  });

  it('refuses a wrong code', async () => {
    const code = await codeAt(secret, epoch);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await acceptTotp(secret, wrong, null, at)).toBeUndefined();
  });
});

describe('totpUri', () => {
  it('names the product and the account for authenticator apps', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'sam@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('issuer=Childminder%20Connect');
  });
});
