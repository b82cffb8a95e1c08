import type { Finding } from '../../model.js';
import { forkLine, upstreamLineNote } from '../findingLocation.js';
import { ruleId } from './sarifRules.js';

/** The uriBaseId of upstream's tree, described in the run's `originalUriBaseIds`. */
export const UPSTREAM_BASE = 'UPSTREAM';

/** A repository path as a relative URI reference: each segment percent-encoded (spaces, quotes, `#`, unicode). */
export const pathUri = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/**
 * One SARIF result for one finding: its file in the fork (with the line when
 * the line counts there), upstream's line as a related location, and the
 * finding's fingerprint as the partial fingerprint code scanning tracks it by.
 */
export function sarifResult(finding: Finding, ruleIndex: number) {
  const line = forkLine(finding);
  const note = upstreamLineNote(finding);
  return {
    ruleId: ruleId(finding),
    ruleIndex,
    level: finding.confidence === 'low' ? 'note' : 'warning',
    message: { text: note === null ? finding.message : `${finding.message} ${note}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(finding.path) },
          ...(line === null ? {} : { region: { startLine: line } }),
        },
      },
    ],
    ...(note === null || finding.line === null
      ? {}
      : {
          relatedLocations: [
            {
              id: 0,
              message: { text: "upstream's line" },
              physicalLocation: { artifactLocation: { uri: pathUri(finding.path), uriBaseId: UPSTREAM_BASE }, region: { startLine: finding.line } },
            },
          ],
        }),
    partialFingerprints: { 'forkdiffFingerprint/v1': finding.fingerprint },
    properties: {
      category: finding.category,
      kind: finding.kind,
      side: finding.side,
      confidence: finding.confidence,
      line: finding.line,
      lineIn: finding.lineIn,
      commits: finding.commits,
      details: finding.details,
    },
  };
}
