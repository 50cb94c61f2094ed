import { EmptyArea } from './empty-area';

export function GroupsPage() {
  return (
    <EmptyArea
      title="Groups & attendance"
      lead="The groups run at this facility, their sessions, and who came, shared and took part."
    >
      <p>No groups have been set up at this facility yet.</p>
    </EmptyArea>
  );
}
