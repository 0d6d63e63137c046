import ImplicitDrilldownPlanes from './ImplicitDrilldownPlanes';
import UndrawnDi from './UndrawnDi';
import UnsetGatewayMarkers from './UnsetGatewayMarkers';

/**
 * Export fidelity: a file imported and saved again without edits comes back with the same
 * diagram interchange — no DI dropped because bpmn-js did not draw it, no `isMarkerVisible` the
 * file did not have, no empty drill-down diagrams bpmn-js needed only for its own canvas. Edits
 * are written as bpmn-js writes them. Works in the Modeler and the Viewer.
 */
export default {
	__init__: ['undrawnDi', 'unsetGatewayMarkers', 'implicitDrilldownPlanes'],
	undrawnDi: ['type', UndrawnDi],
	unsetGatewayMarkers: ['type', UnsetGatewayMarkers],
	implicitDrilldownPlanes: ['type', ImplicitDrilldownPlanes]
};
