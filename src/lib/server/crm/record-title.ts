/** «Фамилия Имя Отчество» from a lead's or contact's name fields; '' when none is filled. */
export function personDisplayName(values: Record<string, unknown>): string {
	return [values.last_name, values.name, values.second_name]
		.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
		.map((v) => v.trim())
		.join(' ');
}

/**
 * The title a record gets when none is given: a contact is called by its
 * name; a lead by its person's name or else its company's.
 */
export function defaultTitle(typeKey: string, values: Record<string, unknown>): string {
	if (typeKey === 'contact') return personDisplayName(values);
	if (typeKey === 'lead') return personDisplayName(values) || (typeof values.company_title === 'string' ? values.company_title.trim() : '');
	return '';
}
