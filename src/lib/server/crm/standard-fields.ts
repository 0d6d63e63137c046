import type { FieldOption, FieldSettings } from '../db/schema/crm';
import type { FieldType } from './field-types';

/**
 * The built-in entity types and the standard card fields people know from
 * Bitrix24 (title, amount + currency, source from an editable list,
 * responsible, observers, phones, e-mails, messenger…). Every workspace gets
 * them when it is created; they are `system` fields: labels, order, options
 * and the required flag can change, keys and types cannot.
 */

export const BUILT_IN_TYPES = [
	{ key: 'lead', name: 'Лид' },
	{ key: 'deal', name: 'Сделка' },
	{ key: 'contact', name: 'Контакт' },
	{ key: 'company', name: 'Компания' }
] as const;
export type BuiltInType = (typeof BUILT_IN_TYPES)[number]['key'];
export const isBuiltInType = (key: string): key is BuiltInType => BUILT_IN_TYPES.some((t) => t.key === key);

export interface StandardField {
	key: string;
	label: string;
	type: FieldType;
	multiple?: boolean;
	required?: boolean;
	options?: FieldOption[];
	settings?: FieldSettings;
}

const opt = (key: string, label: string): FieldOption => ({ key, label });

export const SOURCE_OPTIONS: FieldOption[] = [
	opt('call', 'Звонок'),
	opt('web', 'Сайт'),
	opt('webform', 'CRM-форма'),
	opt('email', 'Электронная почта'),
	opt('telegram', 'Telegram'),
	opt('whatsapp', 'WhatsApp'),
	opt('vk', 'ВКонтакте'),
	opt('avito', 'Авито'),
	opt('recommendation', 'По рекомендации'),
	opt('repeat', 'Повторная продажа'),
	opt('other', 'Другое')
];

const title = (label: string): StandardField => ({ key: 'title', label, type: 'string', required: true });
const responsible: StandardField = { key: 'responsible', label: 'Ответственный', type: 'user' };
const observers: StandardField = { key: 'observers', label: 'Наблюдатели', type: 'user', multiple: true };
const phone: StandardField = { key: 'phone', label: 'Телефон', type: 'phone', multiple: true };
const email: StandardField = { key: 'email', label: 'E-mail', type: 'email', multiple: true };
const messenger: StandardField = { key: 'messenger', label: 'Мессенджер', type: 'string', multiple: true };
const source: StandardField = { key: 'source', label: 'Источник', type: 'enum', options: SOURCE_OPTIONS };
const sourceDescription: StandardField = { key: 'source_description', label: 'Дополнительно об источнике', type: 'text' };
const amount: StandardField = { key: 'amount', label: 'Сумма', type: 'money' };
const comments: StandardField = { key: 'comments', label: 'Комментарий', type: 'text' };
const personName: StandardField[] = [
	{ key: 'last_name', label: 'Фамилия', type: 'string' },
	{ key: 'name', label: 'Имя', type: 'string' },
	{ key: 'second_name', label: 'Отчество', type: 'string' }
];
const post: StandardField = { key: 'post', label: 'Должность', type: 'string' };
const website: StandardField = { key: 'website', label: 'Сайт', type: 'url', multiple: true };

export const STANDARD_FIELDS: Record<BuiltInType, StandardField[]> = {
	lead: [
		title('Название лида'),
		...personName,
		{ key: 'company_title', label: 'Название компании', type: 'string' },
		post,
		phone,
		email,
		messenger,
		website,
		source,
		sourceDescription,
		amount,
		comments,
		responsible,
		observers
	],
	deal: [
		title('Название сделки'),
		amount,
		source,
		sourceDescription,
		{ key: 'begin_date', label: 'Дата начала', type: 'date' },
		{ key: 'close_date', label: 'Дата завершения', type: 'date' },
		comments,
		responsible,
		observers
	],
	contact: [
		title('ФИО'),
		...personName,
		post,
		phone,
		email,
		messenger,
		{ key: 'birthdate', label: 'Дата рождения', type: 'date' },
		source,
		sourceDescription,
		comments,
		responsible,
		observers
	],
	company: [
		title('Название компании'),
		{
			key: 'company_type',
			label: 'Тип компании',
			type: 'enum',
			options: [opt('customer', 'Клиент'), opt('supplier', 'Поставщик'), opt('partner', 'Партнёр'), opt('competitor', 'Конкурент'), opt('other', 'Другое')]
		},
		{
			key: 'industry',
			label: 'Сфера деятельности',
			type: 'enum',
			options: [opt('it', 'Информационные технологии'), opt('manufacturing', 'Производство'), opt('trade', 'Торговля'), opt('services', 'Услуги'), opt('construction', 'Строительство'), opt('other', 'Другое')]
		},
		{ key: 'inn', label: 'ИНН', type: 'string' },
		phone,
		email,
		website,
		{ key: 'address', label: 'Адрес', type: 'text' },
		{ key: 'revenue', label: 'Годовой оборот', type: 'money' },
		{ key: 'employees', label: 'Кол-во сотрудников', type: 'number' },
		source,
		comments,
		responsible,
		observers
	]
};

/** A custom entity type (smart process) starts with the fields every record has. */
export const CUSTOM_TYPE_FIELDS: StandardField[] = [title('Название'), comments, responsible, observers];
