const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon, Wed 18:30 · 60 min" */
export function describeSchedule(g: {
  scheduleDays: number[];
  startTime: string;
  durationMinutes: number;
}) {
  const days = [...g.scheduleDays]
    .sort()
    .map((d) => DAY_NAMES[d])
    .join(', ');
  return `${days} ${g.startTime} · ${g.durationMinutes} min`;
}
