/** Icons for activity types; unknown types get a neutral one. */
export function activityIcon(type: string): string {
  const t = type.toLowerCase();
  if (t.includes('fail') || t.includes('lock') || t.includes('reuse')) return 'warning';
  if (t.includes('logout') || t.includes('sign_out')) return 'logout';
  if (t.includes('login') || t.includes('sign_in')) return 'login';
  if (t.includes('2fa') || t.includes('two_factor') || t.includes('recovery')) return 'shield_lock';
  if (t.includes('password')) return 'password';
  if (t.includes('email')) return 'mail';
  if (t.includes('profile')) return 'person';
  if (t.includes('notification')) return 'notifications';
  return 'history';
}

/** "Chrome on Windows" from a user-agent string; null when there is nothing to go on. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /(Chrome|Chromium|CriOS)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const os = /iPhone|iPad|iPod/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /CrOS/.test(userAgent)
            ? 'ChromeOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? userAgent.slice(0, 60);
}
