import SearchModule from 'bpmn-js/lib/features/search';
import ViewerSearchKeys from './ViewerSearchKeys';

/** Element search (Ctrl+F) for the read-only viewer; the Modeler has it built in. */
export default {
	__depends__: [SearchModule],
	__init__: ['viewerSearchKeys'],
	viewerSearchKeys: ['type', ViewerSearchKeys]
};
