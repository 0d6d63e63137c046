/** A person a comment can mention: by `@Full Name` or `@e-mail`. */
export interface Mentionable {
	userId: string;
	name: string;
	email: string;
}

/**
 * The people a comment mentions, in the order they were added to `people`: `@` followed by a
 * person's full name (any case, «ё» as «е») or their e-mail, not followed by another letter or
 * digit. Longer names win, so `@Анна Петрова` is not read as a mention of «Анна».
 */
export function findMentions(text: string, people: readonly Mentionable[]): string[] {
	const haystack = fold(text);
	const found = new Set<string>();
	const candidates = people
		.flatMap((p) => [
			{ userId: p.userId, key: fold(p.name.trim().replace(/\s+/g, ' ')) },
			{ userId: p.userId, key: fold(p.email.trim()) }
		])
		.filter((c) => c.key !== '')
		.sort((a, b) => b.key.length - a.key.length);
	let at = haystack.indexOf('@');
	while (at !== -1) {
		const rest = haystack.slice(at + 1, at + 1 + 400);
		const match = candidates.find((c) => normalizedStartsWith(rest, c.key));
		if (match) found.add(match.userId);
		at = haystack.indexOf('@', at + 1);
	}
	return people.map((p) => p.userId).filter((id) => found.has(id));
}

function normalizedStartsWith(text: string, key: string): boolean {
	const collapsed = text.replace(/\s+/g, ' ');
	if (!collapsed.startsWith(key)) return false;
	const next = collapsed.charAt(key.length);
	return next === '' || !/[\p{L}\p{N}_-]/u.test(next);
}

function fold(text: string): string {
	return text.toLocaleLowerCase('ru').replace(/ё/g, 'е');
}
