/**
 * The request URL as the request log writes it: credentials that travel in an address are
 * replaced, because log lines are kept (persisted warnings, shipped to whoever runs the servers)
 * much longer than the credential is meant to live. An event stream's one-use `ticket` and an
 * OAuth callback's `code` and `state` come in the query; the ICS feed's secret is the last
 * segment of its path.
 */
const SECRET_QUERY_KEYS = new Set(['ticket', 'code', 'state', 'token', 'secret']);
const SECRET_PATH = /^(\/api\/calendar-feeds\/)[^/?#]+/;

export function loggableUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt < 0 ? url : url.slice(0, queryAt)).replace(SECRET_PATH, '$1[redacted]');
  if (queryAt < 0) return path;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = decodeKey(equals < 0 ? pair : pair.slice(0, equals));
      return SECRET_QUERY_KEYS.has(key) ? `${pair.slice(0, equals < 0 ? pair.length : equals)}=[redacted]` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key).toLowerCase();
  } catch {
    return key.toLowerCase();
  }
}
