import { homeForRole, safeReturnUrl } from './roles';

describe('homeForRole', () => {
  it('sends each role to its own area', () => {
    expect(homeForRole('parent')).toBe('/parent');
    expect(homeForRole('childminder')).toBe('/childminder');
    expect(homeForRole('support_agent')).toBe('/support');
    expect(homeForRole('admin')).toBe('/admin');
    expect(homeForRole('super_admin')).toBe('/admin');
  });
});

describe('safeReturnUrl', () => {
  it('follows same-site paths only', () => {
    expect(safeReturnUrl('/account/profile?tab=1')).toBe('/account/profile?tab=1');
    expect(safeReturnUrl('//evil.example/path')).toBeNull();
    expect(safeReturnUrl('/\\evil.example')).toBeNull();
    expect(safeReturnUrl('https://evil.example')).toBeNull();
    expect(safeReturnUrl('/login?returnUrl=/x')).toBeNull();
    expect(safeReturnUrl(undefined)).toBeNull();
  });
});
