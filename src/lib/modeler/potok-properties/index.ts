import PotokEditing from './PotokEditing';
import PotokPropertiesProvider from './PotokPropertiesProvider';

/** The Potok group of the properties panel and the editing service behind it. */
export default {
	__init__: ['potokPropertiesProvider'],
	potokEditing: ['type', PotokEditing],
	potokPropertiesProvider: ['type', PotokPropertiesProvider]
};
