import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = 'Childminder Connect';
/** One 30-second step either side, for phones whose clocks drift. */
const EPOCH_TOLERANCE_SECONDS = 30;

export const newTotpSecret = () => generateSecret({ length: 20 });

export const totpUri = (secret: string, accountEmail: string) =>
  generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });

/**
 * The time step a code belongs to, or undefined when it is wrong or was already used:
 * `lastStep` is the step of the last accepted code, and codes from it or earlier are replays.
 * `at` is the moment the code is checked against (now; tests pass a fixed instant).
 */
export async function acceptTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  at: Date = new Date(),
): Promise<number | undefined> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : undefined;
}
