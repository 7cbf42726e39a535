import type { Scope } from '../people/index.ts';
import { localePath, type Locale } from '../../domain/common/index.ts';
import { getSimulation, type SimulationScenario } from '../content/index.ts';
import { formAgain, formRedirect, readFormData, type FormResult } from '../platform/index.ts';
import { startSimulation } from './simulations.ts';

/** The "start" button beside each scenario: starts a simulation attempt and goes to it. */
export async function simulationStartForm(
  scope: Scope,
  request: Request,
  locale: Locale,
  findScenario: (id: string) => Promise<SimulationScenario | null> = getSimulation,
): Promise<FormResult> {
  const scenario = await findScenario(String((await readFormData(request)).get('scenario') ?? ''));
  if (!scenario) return formAgain({ _form: { key: 'sim.unknownScenario' } });
  const id = await startSimulation(scope, { scenario });
  return formRedirect(localePath(locale, `/simulations/attempts/${id}`));
}
