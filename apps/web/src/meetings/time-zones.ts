/** The zones a feed in the United States or Canada most likely uses, west to east. */
const COMMON_ZONES: { zone: string; label: string }[] = [
  { zone: 'Pacific/Honolulu', label: 'Hawaii (Honolulu)' },
  { zone: 'America/Anchorage', label: 'Alaska (Anchorage)' },
  { zone: 'America/Los_Angeles', label: 'Pacific (Los Angeles)' },
  { zone: 'America/Vancouver', label: 'Pacific (Vancouver)' },
  { zone: 'America/Phoenix', label: 'Arizona, no daylight saving (Phoenix)' },
  { zone: 'America/Denver', label: 'Mountain (Denver)' },
  { zone: 'America/Edmonton', label: 'Mountain (Edmonton)' },
  { zone: 'America/Regina', label: 'Saskatchewan, no daylight saving (Regina)' },
  { zone: 'America/Chicago', label: 'Central (Chicago)' },
  { zone: 'America/Winnipeg', label: 'Central (Winnipeg)' },
  { zone: 'America/New_York', label: 'Eastern (New York)' },
  { zone: 'America/Toronto', label: 'Eastern (Toronto)' },
  { zone: 'America/Halifax', label: 'Atlantic (Halifax)' },
  { zone: 'America/St_Johns', label: 'Newfoundland (St. John’s)' },
];

/** The common zones, with the facility's and this browser's added when they are not among them. */
export function timeZoneChoices(...extra: (string | null | undefined)[]) {
  const choices = [...COMMON_ZONES];
  for (const zone of extra) {
    if (zone && !choices.some((c) => c.zone === zone)) {
      choices.push({ zone, label: zone.replace(/_/g, ' ') });
    }
  }
  return choices;
}
