/** The kinds of group a facility runs. Each decides who attends and a few rules. */
export const GROUP_KINDS = {
  aa: { label: 'Alcoholics Anonymous (AA) meeting', family: 'twelve_step' },
  na: { label: 'Narcotics Anonymous (NA) meeting', family: 'twelve_step' },
  ca: { label: 'Cocaine Anonymous (CA) meeting', family: 'twelve_step' },
  cma: { label: 'Crystal Meth Anonymous (CMA) meeting', family: 'twelve_step' },
  other_twelve_step: { label: 'Other 12-Step meeting', family: 'twelve_step' },
  family: { label: 'Family support group', family: 'family_system' },
  spousal: { label: 'Spousal support group', family: 'family_system' },
  parental: { label: 'Parents’ support group', family: 'family_system' },
  grief: { label: 'Grief support group', family: 'family_system' },
  alumni: { label: 'Alumni group', family: 'alumni' },
  seeking_sobriety: { label: 'Seeking sobriety group', family: 'seeking_sobriety' },
  smart_recovery: { label: 'SMART Recovery', family: 'alternative' },
  other_alternative: {
    label: 'Other non-12-Step alternative (LifeRing, Refuge Recovery, …)',
    family: 'alternative',
  },
} as const;

export type GroupKind = keyof typeof GROUP_KINDS;
export const GROUP_KIND_KEYS = Object.keys(GROUP_KINDS) as GroupKind[];

export const AUDIENCES = {
  clients: 'Clients in treatment',
  family: 'Family members',
  alumni: 'Alumni',
} as const;
export type Audience = keyof typeof AUDIENCES;

export function isFamilySystemGroup(kind: GroupKind) {
  return GROUP_KINDS[kind].family === 'family_system';
}

/** Family-system groups are for adults only. */
export const FAMILY_GROUP_MIN_AGE = 18;

/** Sensible starting settings for a new group of a kind; staff may change all but the age floor. */
export function defaultsForKind(kind: GroupKind): { audiences: Audience[]; minAge: number | null } {
  const family = GROUP_KINDS[kind].family;
  if (family === 'family_system') return { audiences: ['family'], minAge: FAMILY_GROUP_MIN_AGE };
  if (family === 'alumni') return { audiences: ['alumni'], minAge: null };
  return { audiences: ['clients'], minAge: null };
}
