import { FLAG_RULES, type FlagRule } from '@homegroup/core';

/** A flag as a small labelled chip; an acknowledged one is quieter and says so. */
export function FlagChip({ rule, acknowledged }: { rule: FlagRule; acknowledged: boolean }) {
  return (
    <span className={acknowledged ? 'flag flag--acknowledged' : 'flag'}>
      {FLAG_RULES[rule]}
      {acknowledged && <span className="visually-hidden"> (acknowledged)</span>}
    </span>
  );
}
