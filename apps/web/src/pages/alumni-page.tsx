import { EmptyArea } from './empty-area';

export function AlumniPage() {
  return (
    <EmptyArea
      title="Alumni & referrals"
      lead="Discharged clients in alumni follow-up, their community meeting referrals and follow-up calls."
    >
      <p>No referrals or follow-up calls have been recorded yet.</p>
    </EmptyArea>
  );
}
