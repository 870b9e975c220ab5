import { activityIcon, describeDevice } from './activity-format';

describe('describeDevice', () => {
  it('names the browser and system', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(
      describeDevice(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toBe('Edge on Windows');
    expect(describeDevice(null)).toBeNull();
  });
});

describe('activityIcon', () => {
  it('flags failures', () => {
    expect(activityIcon('login_failed')).toBe('warning');
    expect(activityIcon('login')).toBe('login');
    expect(activityIcon('something_new')).toBe('history');
  });
});
