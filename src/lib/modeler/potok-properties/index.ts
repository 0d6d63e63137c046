import PotokPropertiesProvider from './PotokPropertiesProvider';

/**
 * The Potok group of the properties panel. It needs `potokEditing` (`./editing-module`), which the
 * modeler has from its construction: this module is added later with the panel, in a child
 * injector, and must not bring a second editing service with it.
 */
export default {
	__init__: ['potokPropertiesProvider'],
	potokPropertiesProvider: ['type', PotokPropertiesProvider]
};
