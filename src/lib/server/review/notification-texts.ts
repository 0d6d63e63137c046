import type { Locale } from '$lib/i18n';

export type ReviewNotificationKind = 'submitted' | 'mentioned' | 'replied' | 'approved' | 'returned';

export interface NotificationFacts {
	actor: string;
	process: string;
	revision: number;
	/** The start of the comment, for mentions, replies and returns. */
	excerpt?: string;
}

/**
 * The text of a review notification in the recipient's language: it lands in the shared in-app
 * `notifications` feed, which shows plain text, so it names the person, the process and the
 * revision itself.
 */
export function notificationText(kind: ReviewNotificationKind, locale: Locale, f: NotificationFacts): string {
	const quote = f.excerpt ? (locale === 'ru' ? `: «${f.excerpt}»` : `: “${f.excerpt}”`) : '';
	if (locale === 'en') {
		switch (kind) {
			case 'submitted':
				return `${f.actor} submitted “${f.process}” (TO BE, revision ${f.revision}) for your approval`;
			case 'mentioned':
				return `${f.actor} mentioned you in a comment on “${f.process}”${quote}`;
			case 'replied':
				return `${f.actor} replied to your comment on “${f.process}”${quote}`;
			case 'approved':
				return `${f.actor} approved “${f.process}” (TO BE, revision ${f.revision})`;
			case 'returned':
				return `${f.actor} returned “${f.process}” (TO BE, revision ${f.revision}) for changes${quote}`;
		}
	}
	switch (kind) {
		case 'submitted':
			return `${f.actor} отправил(а) вам на согласование «${f.process}» (TO BE, версия №${f.revision})`;
		case 'mentioned':
			return `${f.actor} упомянул(а) вас в замечании к «${f.process}»${quote}`;
		case 'replied':
			return `${f.actor} ответил(а) на ваше замечание к «${f.process}»${quote}`;
		case 'approved':
			return `${f.actor} согласовал(а) «${f.process}» (TO BE, версия №${f.revision})`;
		case 'returned':
			return `${f.actor} вернул(а) на доработку «${f.process}» (TO BE, версия №${f.revision})${quote}`;
	}
}

/** The first words of a comment, for a notification. */
export function excerpt(text: string, length = 120): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}
