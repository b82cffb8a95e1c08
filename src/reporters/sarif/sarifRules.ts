import type { CategoryId, Finding } from '../../model.js';
import { CATEGORY_INFO } from '../categoryInfo.js';

/** SARIF `reportingDescriptor`: one rule per finding kind of a category. */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: 'warning' };
  properties: { category: CategoryId; kind: string; tags: string[] };
}

/** `workflow/secret-referenced`: stable, since category ids and kinds are. */
export const ruleId = (finding: Pick<Finding, 'category' | 'kind'>): string => `${finding.category}/${finding.kind}`;

/** `secret-referenced` → `SecretReferenced`, the PascalCase name SARIF viewers show. */
const pascalCase = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => `${part[0]?.toUpperCase() ?? ''}${part.slice(1)}`)
    .join('');

/** The rules these findings use, sorted by id, and each id's index in that list (results refer to it). */
export function sarifRules(findings: readonly Finding[]): { rules: SarifRule[]; indexOf: Map<string, number> } {
  const byId = new Map<string, Finding>();
  for (const finding of findings) if (!byId.has(ruleId(finding))) byId.set(ruleId(finding), finding);
  const ids = [...byId.keys()].sort();
  const rules = ids.map((id): SarifRule => {
    const { category, kind } = byId.get(id) as Finding;
    return {
      id,
      name: pascalCase(`${category} ${kind}`),
      shortDescription: { text: `${CATEGORY_INFO[category].title}: ${kind.replace(/-/g, ' ')}` },
      defaultConfiguration: { level: 'warning' },
      properties: { category, kind, tags: ['forkdiff', category] },
    };
  });
  return { rules, indexOf: new Map(ids.map((id, index) => [id, index])) };
}
