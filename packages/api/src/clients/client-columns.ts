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
