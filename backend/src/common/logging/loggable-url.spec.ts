import { loggableUrl } from './loggable-url';

describe('loggableUrl', () => {
  it('keeps an address without credentials as it is', () => {
    expect(loggableUrl('/api/childminders/search?postcode=M20&radiusMiles=10')).toBe(
      '/api/childminders/search?postcode=M20&radiusMiles=10',
    );
    expect(loggableUrl('/api/users/me')).toBe('/api/users/me');
  });

  it("replaces an event stream's one-use ticket, keeping the other parameters", () => {
    expect(loggableUrl('/api/realtime/stream?ticket=abc123&lastEventId=42')).toBe(
      '/api/realtime/stream?ticket=[redacted]&lastEventId=42',
    );
  });

  it("replaces an OAuth callback's code and state, however the key is written", () => {
    expect(loggableUrl('/api/calendar-sync/callback?code=4%2F0Ab&state=s1&scope=x')).toBe(
      '/api/calendar-sync/callback?code=[redacted]&state=[redacted]&scope=x',
    );
    expect(loggableUrl('/api/auth/google/callback?%63ode=zzz&STATE=s')).toBe(
      '/api/auth/google/callback?%63ode=[redacted]&STATE=[redacted]',
    );
  });

  it("replaces the ICS feed's secret in its path", () => {
    expect(loggableUrl('/api/calendar-feeds/5f0c1d2e3a4b')).toBe('/api/calendar-feeds/[redacted]');
    expect(loggableUrl('/api/calendar-feeds/5f0c1d2e3a4b?x=1')).toBe('/api/calendar-feeds/[redacted]?x=1');
  });

  it('survives a malformed key', () => {
    expect(loggableUrl('/api/x?%E0%A4%A=1&ticket')).toBe('/api/x?%E0%A4%A=1&ticket=[redacted]');
  });
});
