// What a fuzz case is allowed to end in, and the name of everything else.
// A saved diff, however broken, must give either a report whose JSON the
// shipped schema accepts (exit 0), or one clear line and exit 2. Nothing
// else: no stack trace, no schema-invalid JSON, no noise on stderr, no hang.

export const GOOD_OUTCOMES = ['report', 'refused'];

/**
 * Runs the core in-process on one saved diff: `auditDiffFile`, then the JSON
 * reporter, then the schema. `core` holds the functions, from src (tests) or
 * dist (`npm run fuzz`).
 */
export async function runInProcess(file, core) {
  let report;
  try {
    report = await core.auditDiffFile({ diffFile: file });
  } catch (error) {
    if (!core.isForkdiffError(error)) return { outcome: 'crash', detail: String(error?.stack ?? error) };
    if (error.message.includes('\n')) return { outcome: 'multi-line error', detail: error.message };
    return { outcome: 'refused', detail: error.message };
  }
  let document;
  try {
    document = JSON.parse([...core.jsonReporter([report], { isColor: false, width: 120 })].join(''));
  } catch (error) {
    return { outcome: 'crash', detail: `rendering JSON: ${String(error?.stack ?? error)}` };
  }
  const errors = core.schemaErrors(document);
  return errors.length === 0 ? { outcome: 'report', detail: '' } : { outcome: 'schema-invalid JSON', detail: errors.slice(0, 3).join('; ') };
}

/** The same verdict for a run of the built binary (`spawnSync` result). */
export function classifySpawned(result, schemaErrors) {
  if (result.error?.code === 'ETIMEDOUT' || result.signal) return { outcome: 'timeout or killed', detail: String(result.signal ?? result.error) };
  const stderrLines = result.stderr.split('\n').filter((line) => line !== '');
  if (result.status === 2) {
    return stderrLines.length === 1 && result.stdout === ''
      ? { outcome: 'refused', detail: stderrLines[0] }
      : { outcome: 'exit 2 without one clear line', detail: result.stderr.slice(0, 2000) };
  }
  if (result.status !== 0) return { outcome: `exit ${String(result.status)}`, detail: result.stderr.slice(0, 2000) };
  if (stderrLines.length > 0) return { outcome: 'exit 0 with stderr', detail: result.stderr.slice(0, 2000) };
  try {
    const errors = schemaErrors(JSON.parse(result.stdout));
    return errors.length === 0 ? { outcome: 'report', detail: '' } : { outcome: 'schema-invalid JSON', detail: errors.slice(0, 3).join('; ') };
  } catch {
    return { outcome: 'unparsable JSON', detail: result.stdout.slice(0, 500) };
  }
}
