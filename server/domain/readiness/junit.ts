/**
 * The readiness report as JUnit XML, so any CI shows it as test results: one testsuite for the
 * findings (each a failing testcase, except `unconfirmed` ones, which are skipped with their
 * text) and one for the checklist (met items pass, unmet ones are skipped: not failures, since
 * a run need not meet them all). Everything from requests is escaped.
 */
import type { ReadinessReport } from './report.js'

function xml (text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest are escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

export function readinessJunit (report: ReadinessReport): string {
  const findingCases = report.findings.map((f) => {
    const body = [`${f.title}.`, `Seen ${f.count} time(s), first event ${f.firstEventId}, last event ${f.lastEventId}.`, `The EHR did: ${f.did}`,
      `The real service: ${f.realService}`, `Fix: ${f.fix}`, `Source: ${f.source}`].join('\n')
    const outcome = f.severity === 'unconfirmed'
      ? `<skipped message="${xml(`unconfirmed: ${f.title}`)}"/>`
      : `<failure message="${xml(`${f.severity}: ${f.title}`)}" type="${xml(f.severity)}">${xml(body)}</failure>`
    return `    <testcase classname="readiness.findings" name="${xml(f.id)}">${outcome}<system-out>${xml(body)}</system-out></testcase>`
  })
  const failures = report.findings.filter((f) => f.severity !== 'unconfirmed').length
  const findingSkips = report.findings.length - failures
  const checklistCases = report.checklist.map((item) => {
    const outcome = item.met ? '' : `<skipped message="${xml(`not met yet: ${item.howToMeet}`)}"/>`
    return `    <testcase classname="readiness.checklist" name="${xml(item.id)}">${outcome}</testcase>`
  })
  const unmet = report.checklist.filter((i) => !i.met).length
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(`kjernejournal-sandbox readiness (session ${report.session})`)}" tests="${report.findings.length + report.checklist.length}" failures="${failures}" skipped="${findingSkips + unmet}">`,
    `  <testsuite name="findings" tests="${report.findings.length}" failures="${failures}" errors="0" skipped="${findingSkips}">`,
    `    <properties><property name="verdict" value="${xml(report.verdict)}"/><property name="profile" value="${xml(report.profile)}"/></properties>`,
    ...findingCases,
    '  </testsuite>',
    `  <testsuite name="checklist" tests="${report.checklist.length}" failures="0" errors="0" skipped="${unmet}">`,
    ...checklistCases,
    '  </testsuite>',
    '</testsuites>',
    ''
  ].join('\n')
}
