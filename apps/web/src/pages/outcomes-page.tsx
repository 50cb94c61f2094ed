import { EmptyArea } from './empty-area';

export function OutcomesPage() {
  return (
    <EmptyArea
      title="Outcomes"
      lead="Attendance, engagement, retention, completion, follow-up and recovery capital, each with how it is counted."
    >
      <p>No outcome indicators are charted yet.</p>
    </EmptyArea>
  );
}
