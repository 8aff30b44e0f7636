import { describe, expect, it } from 'vitest';
import { checkAccessRoles, checkAnonymous, checkEntAccess } from '../../../lib/checks/ent-access';

describe('access-role-missing', () => {
  it('warns once per profile without the role, naming it', () => {
    const found = checkAccessRoles({
      profiles: [
        { profile: 'Élèves', hasAccess: true },
        { profile: 'Parents', hasAccess: false },
        { profile: 'Personnels', hasAccess: false },
      ],
    });
    expect(found.map((f) => [f.id, f.severity, f.field])).toEqual([
      ['access-role-missing', 'warning', 'access:Parents'],
      ['access-role-missing', 'warning', 'access:Personnels'],
    ]);
    expect(found[0].message.fr).toContain('«\u202fParents\u202f»');
    expect(found[0].fix.fr).toContain('accès population');
    expect(found[1].message.en).toContain('“Personnels”');
  });
  it('is silent when every profile holds it, or when no profile was read', () => {
    expect(checkAccessRoles({ profiles: [{ profile: 'Élèves', hasAccess: true }] })).toEqual([]);
    expect(checkAccessRoles({ profiles: [] })).toEqual([]);
  });
});

describe('service-anonymous', () => {
  it('warns when the box is checked, saying there is no SSO', () => {
    const [f] = checkAnonymous({ profiles: [], anonymous: true });
    expect([f.id, f.severity, f.field]).toEqual(['service-anonymous', 'warning', 'anonymous']);
    expect(f.message.fr).toContain('SSO');
    expect(f.message.en).toContain('single sign-on');
  });
  it('is silent when unchecked or not on the page', () => {
    expect(checkAnonymous({ profiles: [], anonymous: false })).toEqual([]);
    expect(checkAnonymous({ profiles: [] })).toEqual([]);
  });
});

describe('checkEntAccess', () => {
  it('runs both rules', () => {
    const ids = checkEntAccess({ profiles: [{ profile: 'Parents', hasAccess: false }], anonymous: true }).map((f) => f.id);
    expect(ids).toEqual(['service-anonymous', 'access-role-missing']);
  });
});
