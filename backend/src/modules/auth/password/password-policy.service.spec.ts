import { SettingsService } from '@app/modules/settings/settings.service';
import { AuthException } from '../auth.exception';
import { PasswordPolicy } from './password-policy.service';

function policyWith(settings: Record<string, unknown>) {
  const stub = {
    getMany: async (keys: string[]) => Object.fromEntries(keys.map((k) => [k, settings[k]])),
  } as unknown as SettingsService;
  return new PasswordPolicy(stub);
}

describe(PasswordPolicy.name, () => {
  describe('assertAcceptable', () => {
    const policy = policyWith({ 'password.minLength': 10, 'password.rejectBreached': true });

    it('accepts a long passphrase', async () => {
      await expect(policy.assertAcceptable('a long family passphrase', 'password')).resolves.toBeUndefined();
    });

    it('names the field and the minimum when too short', async () => {
      const error = await policy.assertAcceptable('zq7-vw', 'newPassword').catch((e: AuthException) => e);
      expect(error).toBeInstanceOf(AuthException);
      expect((error as AuthException).details).toEqual([
        { field: 'newPassword', message: 'newPassword must be at least 10 characters long' },
      ]);
    });

    it('refuses common breached passwords whatever their case', async () => {
      await expect(policy.assertAcceptable('PASSWORD123', 'password')).rejects.toThrow(/breached/);
      await expect(policy.assertAcceptable('qwerty123456', 'password')).rejects.toThrow(/breached/);
    });

    it('refuses the account’s own email address', async () => {
      await expect(
        policy.assertAcceptable('Sam@Example.com', 'password', { email: 'sam@example.com' }),
      ).rejects.toThrow(/email address/);
    });

    it('counts characters, not bytes, and caps the length', async () => {
      await expect(policy.assertAcceptable('ééééééééé', 'password')).rejects.toThrow(/at least 10/);
      await expect(policy.assertAcceptable('x'.repeat(129), 'password')).rejects.toThrow(/at most 128/);
    });

    it('follows the live settings', async () => {
      const relaxed = policyWith({ 'password.minLength': 4, 'password.rejectBreached': false });
      await expect(relaxed.assertAcceptable('password', 'password')).resolves.toBeUndefined();
    });
  });
});
