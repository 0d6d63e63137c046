/**
 * Phone numbers as people type them in Russia and the CIS — `8 (916) 123-45-67`,
 * `+7 916 1234567`, `9161234567`, `8-10-375-29-…` — normalised to E.164
 * (`+79161234567`) for storage, search and duplicate control.
 */

const allowed = /^[\d\s()+\-.]+$/;

/** The E.164 form of a phone number, or null when it is not one. */
export function normalisePhone(input: string): string | null {
	const raw = input.trim();
	if (raw === '' || !allowed.test(raw)) return null;
	const plus = raw.startsWith('+');
	if (raw.lastIndexOf('+') > 0) return null;
	let digits = raw.replace(/\D/g, '');

	if (!plus) {
		// Dialled with an international prefix: Russian «8~10», or 00.
		if (digits.startsWith('810') && digits.length > 11) return international(digits.slice(3));
		if (digits.startsWith('00') && digits.length > 10) return international(digits.slice(2));
		if (digits.length === 10) return `+7${digits}`;
		if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) return `+7${digits.slice(1)}`;
		return null;
	}
	// «+8 916 …» is a common slip for +7.
	if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
	if (digits.startsWith('7') && digits.length !== 11) return null;
	return international(digits);
}

function international(digits: string): string | null {
	if (digits.startsWith('0') || digits.length < 8 || digits.length > 15) return null;
	if (digits.startsWith('7') && digits.length !== 11) return null;
	return `+${digits}`;
}

/** `+79161234567` → `+7 916 123-45-67`; other countries stay in E.164. */
export function formatPhone(e164: string): string {
	const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
	return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : e164;
}

/** The digits of a search query that looks like (part of) a phone number, or null. */
export function phoneQueryDigits(q: string): string | null {
	if (!/^[\d\s()+\-.]+$/.test(q.trim())) return null;
	const digits = q.replace(/\D/g, '');
	if (digits.length < 3) return null;
	// A leading 8 of a full Russian number is the trunk prefix, stored as 7.
	return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
}
