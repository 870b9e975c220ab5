import { AppConfig } from '@app/config/app-config';
import { namesFrom } from './google-identity.gateway';
import { GoogleStateCookie } from './google-state-cookie';

const cookieWith = (jwtSecret: string) =>
  new GoogleStateCookie({ auth: { jwtSecret, cookieSecure: true } } as unknown as AppConfig);

describe(GoogleStateCookie.name, () => {
  const cookie = cookieWith('a-secret-of-at-least-thirty-two-characters');
  const value = { state: 'Zm9vYmFyYmF6cXV4', codeVerifier: 'abc~DEF-ghi_jkl0123456789abcdefghijklmnopqrstu' };

  describe('decode', () => {
    it('reads back what it encoded', () => {
      expect(cookie.decode(cookie.encode(value))).toEqual(value);
    });

    it('refuses a changed state, a changed verifier or a changed signature', () => {
      const [state, verifier, signature] = cookie.encode(value).split('.');
      expect(cookie.decode(`X${state}.${verifier}.${signature}`)).toBeUndefined();
      expect(cookie.decode(`${state}.${verifier}X.${signature}`)).toBeUndefined();
      expect(cookie.decode(`${state}.${verifier}.${signature!.slice(1)}A`)).toBeUndefined();
    });

    it('refuses a value signed with another server’s key', () => {
      expect(cookieWith('another-secret-of-at-least-thirty-two-chars').decode(cookie.encode(value))).toBeUndefined();
    });

    it.each([undefined, '', 'state-only', 'a.b', '.b.c', 'a..c', 'a.b.c.d'])('refuses the malformed %p', (raw) => {
      expect(cookie.decode(raw)).toBeUndefined();
    });
  });
});

describe('namesFrom', () => {
  it.each([
    [{ given_name: 'Nina', family_name: 'Okafor', name: 'N O' }, 'Nina', 'Okafor'],
    [{ name: 'Mary Ann  de la Cruz' }, 'Mary Ann de la', 'Cruz'],
    [{ name: 'Cher' }, 'Cher', '-'],
    [{ given_name: 'Ade' }, 'Ade', '-'],
    [{ email: 'sam.lee@example.com' }, 'sam.lee', '-'],
    [{}, 'Google', '-'],
  ])('%p gives %p %p', (claims, firstName, lastName) => {
    expect(namesFrom(claims)).toEqual({ firstName, lastName });
  });

  it('keeps each name within the 100 characters a name may have', () => {
    const { firstName, lastName } = namesFrom({ given_name: 'A'.repeat(300), family_name: 'B'.repeat(300) });
    expect(firstName).toHaveLength(100);
    expect(lastName).toHaveLength(100);
  });
});
