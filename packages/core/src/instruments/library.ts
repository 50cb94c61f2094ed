import { AUDITC } from './auditc';
import { BAM } from './bam';
import { BARC10 } from './barc10';
import { GAD7 } from './gad7';
import { PHQ9 } from './phq9';
import { INSTRUMENT_CODES, type InstrumentCode, type InstrumentDefinition } from './types';

export { AUDITC, BAM, BARC10, GAD7, PHQ9 };

export const INSTRUMENTS: Readonly<Record<InstrumentCode, InstrumentDefinition>> = {
  barc10: BARC10,
  bam: BAM,
  phq9: PHQ9,
  gad7: GAD7,
  auditc: AUDITC,
};

export function instrumentDefinition(code: InstrumentCode): InstrumentDefinition {
  return INSTRUMENTS[code];
}

export function isInstrumentCode(value: string): value is InstrumentCode {
  return (INSTRUMENT_CODES as readonly string[]).includes(value);
}
