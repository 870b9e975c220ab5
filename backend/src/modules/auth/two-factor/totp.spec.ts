import { generate } from 'otplib';
import { acceptTotp, newTotpSecret, totpUri } from './totp';

const now = () => Math.floor(Date.now() / 1000);

describe('acceptTotp', () => {
  const secret = newTotpSecret();

  it('accepts the current code and returns its time step', async () => {
    const step = await acceptTotp(secret, await generate({ secret }), null);
    expect(step).toBe(Math.floor(now() / 30));
  });

  it('tolerates one step of clock skew either side, not two', async () => {
    expect(await acceptTotp(secret, await generate({ secret, epoch: now() - 30 }), null)).toBeDefined();
    expect(await acceptTotp(secret, await generate({ secret, epoch: now() + 30 }), null)).toBeDefined();
    expect(await acceptTotp(secret, await generate({ secret, epoch: now() + 95 }), null)).toBeUndefined();
  });

  it('refuses a code from the last accepted step or before (replay)', async () => {
    const code = await generate({ secret });
    const step = await acceptTotp(secret, code, null);
    expect(await acceptTotp(secret, code, step!)).toBeUndefined();
    expect(await acceptTotp(secret, await generate({ secret, epoch: now() + 30 }), step!)).toBe(step! + 1);
  });

  it('refuses a wrong code', async () => {
    const code = await generate({ secret });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await acceptTotp(secret, wrong, null)).toBeUndefined();
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
