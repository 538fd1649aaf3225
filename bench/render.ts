/** Re-renders docs/performance.md from bench/results/latest.json and bench/analysis.md, without measuring again. */
import { readFileSync, writeFileSync } from 'node:fs'
import { markdownReport, readAnalysis } from './report.js'
import type { BenchResults } from './results.js'

const results = JSON.parse(readFileSync(new URL('./results/latest.json', import.meta.url), 'utf8')) as BenchResults
writeFileSync(new URL('../docs/performance.md', import.meta.url), markdownReport(results, readAnalysis()))
