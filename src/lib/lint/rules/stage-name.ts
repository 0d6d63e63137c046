import { potokOf, type LintNode, type Reporter } from '../potok-elements';

/** A stage is shown to people on cards and boards, so it needs a name. */
export default function stageName() {
	return {
		check(node: LintNode, reporter: Reporter) {
			if (!potokOf(node, 'potok:Stage')) return;
			if (!(node.name ?? '').trim()) reporter.report(node.id, 'A stage must have a name');
		}
	};
}
