import '@bpmn-io/properties-panel/assets/properties-panel.css';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import potokProperties from '../potok-properties';

/**
 * The properties panel's modules (bpmn-js-properties-panel with the BPMN and Potok providers) and
 * its stylesheet, in one module that DeferredPropertiesPanel loads after the diagram is drawn: the
 * stylesheet (40 kB) then no longer holds up the editor's first paint either.
 */
export const panelModules = [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, potokProperties];
