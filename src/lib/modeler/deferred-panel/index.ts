import DeferredPropertiesPanel from './DeferredPropertiesPanel';

/** The properties panel, loaded and mounted after the diagram is drawn (see DeferredPropertiesPanel). */
export default {
	deferredPropertiesPanel: ['type', DeferredPropertiesPanel]
};
