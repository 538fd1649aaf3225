/**
 * The faces scenarios name: the sandbox's one URL classifier (server/domain/faces.ts), under the
 * names the scenario code uses. The session prefix `/s/<id>` is not part of the path scenarios see.
 */
import { FACES, faceOf, pathOf, type Face } from '../faces.js'

export const SCENARIO_FACES = FACES
export type ScenarioFace = Face
export const scenarioPathOf = pathOf
export const scenarioFaceOf = faceOf
