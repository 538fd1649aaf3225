import t from 'tap'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { createRecord } from '../../../server/domain/critical-info/service.js'
import { CriticalInfoStore } from '../../../server/domain/critical-info/store.js'
import { criticalInfoRows } from '../../../server/views/portal/critical-info-view.js'

const NIN = '24868510168'

t.test('the portal lists a KjConsent with its category, note and issue date', async (t) => {
  const store = new CriticalInfoStore()
  const ctx = { store, nin: NIN, now: '2026-06-01T10:00:00.000Z' }
  createRecord(ctx, sampleResource('KjConsent', NIN, { recordedDate: '2026-02-01T08:00:00.000Z', text: 'Ingen HLR.' }))
  const rows = criticalInfoRows(store, NIN)
  t.equal(rows.length, 1)
  t.match(rows[0], { category: 'Avgrensning av livsforlengende behandling', description: 'Ingen HLR.', recorded: '2026-02-01T08:00:00.000Z', active: true })
})
