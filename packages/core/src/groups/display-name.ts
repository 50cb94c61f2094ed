/** How a person appears on a roster or sign-in sheet: preferred name and last initial only. */
export function rosterName(person: {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
}): string {
  const first = person.preferredName?.trim() || person.firstName;
  const initial = person.lastName.trim().charAt(0).toUpperCase();
  return initial ? `${first} ${initial}.` : first;
}
