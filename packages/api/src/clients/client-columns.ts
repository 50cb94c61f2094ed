/** What a client list or a client header shows: names, record number, dates and status. */
export const CLIENT_SUMMARY_COLUMNS = [
  'id',
  'recordNumber',
  'firstName',
  'lastName',
  'preferredName',
  'admissionDate',
  'dischargeDate',
  'status',
] as const;

/** The whole admission and discharge record, for the client page and its edit form. */
export const CLIENT_RECORD_COLUMNS = [
  ...CLIENT_SUMMARY_COLUMNS,
  'pronouns',
  'dateOfBirth',
  'primarySubstances',
  'levelOfCare',
  'programTrack',
  'counselorStaffId',
  'sobrietyDate',
  'preferredFellowship',
  'dischargeType',
  'alumniFollowUp',
  'supportPerson',
  'supportSince',
  'version',
] as const;
