/** Staff roles. A staff member holds one role per facility they work at. */
export const ROLES = ['admin', 'counselor', 'group_monitor', 'alumni_coordinator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Clinical director / admin',
  counselor: 'Counselor',
  group_monitor: 'Group monitor',
  alumni_coordinator: 'Alumni coordinator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
