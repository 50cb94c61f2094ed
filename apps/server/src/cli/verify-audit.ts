import { verifyAuditChain } from '@homegroup/db';
import { fail, openForTool } from './open-for-tool';

/**
 * `pnpm audit:verify`: walks the audit chain and reports the first broken link. Exits 0 when the
 * chain is whole, 2 when it is broken.
 */
const { handle, where } = await openForTool();
try {
  const report = await verifyAuditChain(handle.db);
  if (report.firstBroken) {
    process.stdout.write(
      `The audit trail in ${where} is BROKEN.\n${report.firstBroken.message}\n${report.checked} events before it link correctly.\n`,
    );
    process.exitCode = 2;
  } else {
    process.stdout.write(
      `The audit trail in ${where} is whole: ${report.checked} events, each linked to the one before.\nLast hash: ${report.lastHash ?? '(no events yet)'}\n`,
    );
  }
} catch (err) {
  fail(`Cannot verify the audit trail: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await handle.close();
}
