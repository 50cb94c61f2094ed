import type { ScheduleFixCode } from './feed-schedule';
import type { FeedFix } from './meeting';
import type { TypeFixCode } from './meeting-types';

/**
 * The repairs the importer makes, each counted once per feed row, with the words a coordinator
 * sees in the import summary ("12-hour times converted to 24-hour: 315 rows").
 */

export type FeedFixCode =
  | ScheduleFixCode
  | TypeFixCode
  | 'derived-slug'
  | 'several-days'
  | 'invalid-time-zone'
  | 'open-and-closed'
  | 'invalid-conference-url'
  | 'invalid-url'
  | 'invalid-coordinates'
  | 'unusable-updated';

export const FEED_FIX_DESCRIPTIONS: Record<FeedFixCode, string> = {
  'derived-slug':
    'No slug (the meeting’s key in the feed): one was made from the name, day and time.',
  'several-days': 'Several days in one row: one meeting was made for each day.',
  'day-names': 'Days given as names ("Monday", "lunes") were read as day numbers.',
  'twelve-hour-time': '12-hour times ("8:00 PM") were converted to 24-hour times.',
  'no-time': 'A day but no time: the meeting is listed without a time.',
  'midnight-placeholder':
    'Time 00:00 treated as not listed: feeds use it when no time was entered.',
  'no-end-time': 'No end time: the meeting is taken to last one hour.',
  'unreadable-end-time': 'End time could not be read: the meeting is taken to last one hour.',
  'end-not-after-start':
    'End time not after the start time: the meeting is taken to last one hour.',
  'invalid-time-zone': 'Time zone not recognised: the source’s own time zone is used instead.',
  'types-as-text': 'Types given as one piece of text were split at commas.',
  'lower-case-type-codes': 'Type codes in lower case ("o", "d") were read as upper case.',
  'types-as-names': 'Types given as names ("Open", "Big Book", "Abierta") were read as codes.',
  'misspelt-types': 'Misspelt type names ("Discusion", "Speeker") were read as the nearest type.',
  'onl-code':
    'The old ONL code was read as "online" (the standard replaced it with meeting links).',
  'open-and-closed': 'Marked both open and closed: neither is shown, check with the group.',
  'invalid-conference-url': 'Online meeting links that are not web addresses were left out.',
  'invalid-url': 'Meeting web page addresses that are not web addresses were left out.',
  'invalid-coordinates': 'Map coordinates that are impossible (or 0, 0) were left out.',
  'unusable-updated':
    'Last-changed dates that could not be read, or lie in the future, were left out.',
};

/** Counts repairs; a row that needs the same repair twice (two days, say) counts once. */
export class FixCounter {
  private readonly counts = new Map<FeedFixCode, number>();

  addRow(codes: Iterable<FeedFixCode>): void {
    for (const code of new Set(codes)) {
      this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    }
  }

  /** In the order of FEED_FIX_DESCRIPTIONS, so summaries read the same for every feed. */
  toFixes(): FeedFix[] {
    return (Object.keys(FEED_FIX_DESCRIPTIONS) as FeedFixCode[])
      .filter((code) => this.counts.has(code))
      .map((code) => ({
        code,
        description: FEED_FIX_DESCRIPTIONS[code],
        count: this.counts.get(code) ?? 0,
      }));
  }
}
