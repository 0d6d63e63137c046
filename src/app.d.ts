import type { Denial } from '$lib/server/access/authorize';
import type { WorkspaceScope } from '$lib/server/access/scope';
import type { Session, SessionUser } from '$lib/server/auth/sessions';
import type { Database } from '$lib/server/db';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			db: Database;
			user: SessionUser | null;
			session: Session | null;
			locale: Locale;
			/** Set on workspace routes once the access hook has admitted the request. */
			scope: WorkspaceScope | null;
			/** Set when the access hook refused a page request; the root layout turns it into a redirect or an error page. */
			denied: Denial | null;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
