/**
 * The typed signature of an approval. An approver signs by typing their full name; it counts as
 * theirs when it has at least two words and contains every word of the name on their account
 * («Кирилл Заказчиков» may sign «Кирилл Андреевич Заказчиков»). Case, «ё» and extra spaces do
 * not matter.
 */
export function signatureMatches(signature: string, accountName: string): boolean {
	const typed = words(signature);
	const own = words(accountName);
	if (typed.length < 2 || own.length === 0) return false;
	return own.every((word) => typed.includes(word));
}

/** The signature as it is recorded: trimmed, one space between words. */
export function cleanSignature(signature: string): string {
	return signature.trim().replace(/\s+/g, ' ');
}

function words(text: string): string[] {
	return text
		.toLocaleLowerCase('ru')
		.replace(/ё/g, 'е')
		.split(/[\s.,]+/)
		.filter((w) => w !== '');
}
