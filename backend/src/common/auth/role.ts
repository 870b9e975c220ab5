export enum Role {
  Parent = 'parent',
  Childminder = 'childminder',
  SupportAgent = 'support_agent',
  Admin = 'admin',
  SuperAdmin = 'super_admin',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
/** Admin screens are open to admins and super admins alike. */
export const ADMIN_ROLES: readonly Role[] = [Role.Admin, Role.SuperAdmin];
/** Roles that answer the live chat and therefore have a chat status. */
export const STAFF_ROLES: readonly Role[] = [Role.SupportAgent, Role.Admin, Role.SuperAdmin];
/** Roles a member of the public can register as. */
export const SELF_SERVICE_ROLES = [Role.Parent, Role.Childminder] as const;
