// Every secret the test suite hands to s3abort. Whatever s3abort prints in any test, in-process
// or spawned, passes through assertNoSecrets: a leak anywhere fails the test that caused it.
export const TEST_SECRETS: readonly string[] = [
  'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY',
  'FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue',
];

const extra = new Set<string>();

/** Registers another secret a test uses (a session token, a credential_process key...). */
export function registerSecret(secret: string): void {
  if (secret.length >= 8) extra.add(secret);
}

export function assertNoSecrets(text: string, where: string): void {
  for (const s of [...TEST_SECRETS, ...extra]) {
    if (text.includes(s)) throw new Error(`a test secret appeared in ${where}: ${s.slice(0, 4)}...`);
  }
}
