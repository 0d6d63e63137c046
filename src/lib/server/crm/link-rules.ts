import { isBuiltInType } from './standard-fields';

/**
 * Which records link to which, in which direction, and how many: a deal has
 * contacts and one company, a contact works in companies, a lead points at
 * the contact, company and deals it was converted into. Custom entity types
 * (smart processes) link to records of any other type. Links are stored in
 * their canonical direction whichever side the person started from.
 */
export type Cardinality = 'one' | 'many';

const RULES: Record<string, Record<string, Cardinality>> = {
	deal: { contact: 'many', company: 'one' },
	contact: { company: 'many' },
	lead: { contact: 'one', company: 'one', deal: 'many' }
};

export interface LinkRule {
	/** True when the link is stored from the second record to the first. */
	reversed: boolean;
	/** How many records of the target type one source may link to. */
	cardinality: Cardinality;
}

/** The rule for a link between records of types `a` and `b`, or null when they do not link. */
export function linkRule(a: string, b: string): LinkRule | null {
	if (a === b) return null;
	const forward = RULES[a]?.[b];
	if (forward) return { reversed: false, cardinality: forward };
	const backward = RULES[b]?.[a];
	if (backward) return { reversed: true, cardinality: backward };
	const aCustom = !isBuiltInType(a);
	const bCustom = !isBuiltInType(b);
	if (aCustom && bCustom) return { reversed: b < a, cardinality: 'many' };
	if (aCustom) return { reversed: false, cardinality: 'many' };
	if (bCustom) return { reversed: true, cardinality: 'many' };
	return null;
}
