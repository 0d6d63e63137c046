import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import simulation from 'bpmn-js-token-simulation';

/**
 * Token simulation's modules and stylesheet, in one module that DeferredTokenSimulation loads after
 * the diagram is drawn: the stylesheet then no longer weighs on the editor's first render either.
 */
export const simulationModules = [simulation];
