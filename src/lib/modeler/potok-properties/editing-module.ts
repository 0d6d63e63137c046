import PotokEditing from './PotokEditing';

/**
 * The editing service behind the Potok group, on its own: the modeler has it from the start (the
 * page and the tests edit through it), while the panel that renders the group comes later
 * (`../deferred-panel`).
 */
export default {
	potokEditing: ['type', PotokEditing]
};
