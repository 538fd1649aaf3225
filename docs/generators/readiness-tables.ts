/**
 * The findings and checklist tables of docs/readiness.md, generated from the finding catalogue and
 * the checklist definitions so the page cannot drift from what the sandbox records.
 */
import { FINDINGS } from '../../server/domain/readiness/catalogue.js'
import { CHECKLIST } from '../../server/domain/readiness/checklist.js'

function cell (text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

export function findingsTable (): string {
  const rows = FINDINGS.map((f) => `| \`${f.id}\` | ${f.severity} | ${cell(f.title)}: ${cell(f.realService)} | ${cell(f.fix)} | ${f.strict.refuses ? cell(f.strict.answer) : `not refused: ${cell(f.strict.why)}`} | [source](${f.source})${f.assumption === true ? ', docs/assumptions.md' : ''} |`)
  return ['| Id | Severity | What the real service does | Fix | Strict profile | Source |', '|---|---|---|---|---|---|', ...rows].join('\n')
}

export function checklistTable (): string {
  return ['| Id | Situation | How to meet it here |', '|---|---|---|', ...CHECKLIST.map((i) => `| \`${i.id}\` | ${cell(i.title)} | ${cell(i.howToMeet)} |`)].join('\n')
}
