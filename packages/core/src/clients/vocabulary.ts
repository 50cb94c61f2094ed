/** How a stay ended, in the terms treatment centres use. */
export const DISCHARGE_TYPES = {
  completed: 'Completed treatment',
  ama: 'Against medical advice',
  administrative: 'Administrative',
  transfer: 'Transfer to another level of care',
} as const;
export type DischargeType = keyof typeof DISCHARGE_TYPES;

/** Whether a discharged client agreed to alumni follow-up. */
export const FOLLOW_UP_CHOICES = {
  opted_in: 'Opted in to alumni follow-up',
  opted_out: 'Opted out of alumni follow-up',
} as const;
export type FollowUpChoice = keyof typeof FOLLOW_UP_CHOICES;

export const SUPPORT_PEOPLE = { sponsor: 'Sponsor', mentor: 'Mentor' } as const;
export type SupportPerson = keyof typeof SUPPORT_PEOPLE;

/** ASAM levels of care, by code. */
export const LEVELS_OF_CARE = {
  '1': 'Level 1 · Outpatient',
  '2.1': 'Level 2.1 · Intensive outpatient',
  '2.5': 'Level 2.5 · Partial hospitalization',
  '3.1': 'Level 3.1 · Low-intensity residential',
  '3.5': 'Level 3.5 · High-intensity residential',
  '3.7': 'Level 3.7 · Medically monitored inpatient',
  '4': 'Level 4 · Medically managed inpatient',
} as const;
export type LevelOfCare = keyof typeof LEVELS_OF_CARE;

export const SUBSTANCES = {
  alcohol: 'Alcohol',
  opioids: 'Opioids',
  stimulants: 'Cocaine or other stimulants',
  methamphetamine: 'Methamphetamine',
  cannabis: 'Cannabis',
  sedatives: 'Benzodiazepines or other sedatives',
  other: 'Other',
} as const;
export type Substance = keyof typeof SUBSTANCES;

/** Fellowships and alternatives a client may prefer; each can have its own milestone set. */
export const FELLOWSHIPS = {
  aa: 'Alcoholics Anonymous (AA)',
  na: 'Narcotics Anonymous (NA)',
  ca: 'Cocaine Anonymous (CA)',
  cma: 'Crystal Meth Anonymous (CMA)',
  smart: 'SMART Recovery',
  lifering: 'LifeRing',
  refuge: 'Refuge Recovery',
  other: 'Other',
} as const;
export type Fellowship = keyof typeof FELLOWSHIPS;

export const GOAL_STATUSES = {
  active: 'Working on it',
  achieved: 'Achieved',
  set_aside: 'Set aside',
} as const;
export type GoalStatus = keyof typeof GOAL_STATUSES;
