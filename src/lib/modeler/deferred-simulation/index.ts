import DeferredTokenSimulation from './DeferredTokenSimulation';

/** Token simulation, loaded after the diagram is drawn (see DeferredTokenSimulation). */
export default {
	deferredTokenSimulation: ['type', DeferredTokenSimulation]
};
