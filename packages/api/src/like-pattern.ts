/** Escapes LIKE's wildcards in text a person typed. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE / ILIKE pattern matching any value that contains the typed text as it is. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
