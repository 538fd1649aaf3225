/**
 * Organisations as Kjernejournal knows them: whether they have an agreement (access) and are
 * active. An organisation number that is not here is unknown to Kjernejournal.
 */
import { z } from 'zod'
import { isValidOrgnr } from '../orgnr.js'

export const organisationSchema = z.object({
  orgnr: z.string().refine(isValidOrgnr, 'expected a valid 9-digit organisation number'),
  name: z.string().min(1),
  /** The legal entity this unit belongs to (its orgnr), for points of care. */
  parent: z.string().refine(isValidOrgnr, 'expected a valid 9-digit organisation number').optional(),
  /** Has an agreement with Norsk helsenett to use Kjernejournal. */
  access: z.boolean().default(true),
  active: z.boolean().default(true),
  note: z.string().default('')
}).strict()

export type Organisation = z.infer<typeof organisationSchema>

export const organisationsFileSchema = z.array(organisationSchema)
