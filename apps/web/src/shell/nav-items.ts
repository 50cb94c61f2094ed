import type { Role } from '@homegroup/core';

export interface NavItem {
  to: string;
  label: string;
  /** Who sees the link: each role sees only the areas its job needs. */
  roles: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Today', roles: ['admin', 'counselor', 'group_monitor', 'alumni_coordinator'] },
  { to: '/groups', label: 'Groups & attendance', roles: ['admin', 'counselor', 'group_monitor'] },
  { to: '/clients', label: 'Clients', roles: ['admin', 'counselor'] },
  { to: '/alumni', label: 'Alumni & referrals', roles: ['admin', 'alumni_coordinator'] },
  {
    to: '/meetings',
    label: 'Community meetings',
    roles: ['admin', 'counselor', 'alumni_coordinator'],
  },
  { to: '/outcomes', label: 'Outcomes', roles: ['admin', 'counselor'] },
  { to: '/staff', label: 'Staff', roles: ['admin'] },
  { to: '/audit', label: 'Audit', roles: ['admin'] },
  { to: '/settings', label: 'Settings', roles: ['admin'] },
  { to: '/emergency', label: 'Emergency access', roles: ['group_monitor', 'alumni_coordinator'] },
];

export function navItemsFor(role: Role) {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
