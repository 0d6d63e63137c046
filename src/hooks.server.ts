import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, translator } from '$lib/i18n';
import { authorize } from '$lib/server/access/authorize';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie } from '$lib/server/auth/cookie';
import { validateSessionToken } from '$lib/server/auth/sessions';
import { ConfigError, readConfig } from '$lib/server/config';
import { database, DatabaseConfigError } from '$lib/server/db';
import { seedDemo, DEMO_PEOPLE } from '$lib/server/demo/seed';
import { engineHost } from '$lib/server/engine-host';
import { startRollupRefresher } from '$lib/server/reports/refresher';
import { workflowHostOptions } from '$lib/server/workflow/host';
import { resolveApiToken } from '$lib/server/workspaces/api-tokens';

export const LOCALE_COOKIE = 'potok_locale';

/** Opens and migrates the database before the first request; seeds the demo on a fresh one. */
export const init: ServerInit = async () => {
	let config, db;
	try {
		config = readConfig();
		db = await database();
	} catch (e) {
		if (e instanceof ConfigError || e instanceof DatabaseConfigError) {
			// A configuration mistake, not a bug: say what is wrong and stop, without a stack trace.
			console.error(e.message);
			process.exit(1);
		}
		throw e;
	}
	// The demo is seeded before the scheduler starts: its history is played on a virtual clock.
	if (config.POTOK_DEMO === 'on') {
		const seeded = await seedDemo(db, config.POTOK_DEMO_PASSWORD);
		if (seeded) {
			console.log(`Potok: created the demo company «Кухни на заказ» with ${DEMO_PEOPLE.map((p) => p.email).join(', ')}`);
			console.log(
				seeded.generated
					? `Potok: their password (shown only now): ${seeded.password}`
					: 'Potok: their password is POTOK_DEMO_PASSWORD'
			);
		}
	}
	if (config.POTOK_SCHEDULER === 'on') {
		// Fires due timers and runs robots of every workspace; leases make several nodes safe.
		const host = engineHost(db, workflowHostOptions(db));
		host.start();
		// Rebuilds the report roll-ups' changed days off the reports' path.
		const refresher = startRollupRefresher(db);
		process.once('sveltekit:shutdown', () => void Promise.all([host.stop(), refresher.stop()]));
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	const db = await database();
	const secure = event.url.protocol === 'https:';
	const locals = event.locals;
	locals.db = db;
	locals.user = null;
	locals.session = null;
	locals.scope = null;
	locals.denied = null;

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSessionToken(db, token);
		if (valid) {
			locals.user = valid.user;
			locals.session = valid.session;
			// the browser keeps the cookie until the expiry it was given; send it again only when that moved
			if (valid.refreshed) setSessionCookie(event.cookies, token, valid.session.expiresAt, secure);
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	const cookieLocale = event.cookies.get(LOCALE_COOKIE);
	const acceptsEnglishFirst = /^en\b/i.test(event.request.headers.get('accept-language') ?? '');
	locals.locale = locals.user?.locale ?? (isLocale(cookieLocale) ? cookieLocale : acceptsEnglishFirst ? 'en' : DEFAULT_LOCALE);

	const isApi = event.url.pathname.startsWith('/api/');
	let tokenScope = null;
	const authorization = event.request.headers.get('authorization');
	if (isApi && authorization) {
		const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
		tokenScope = bearer ? await resolveApiToken(db, bearer) : null;
		if (!tokenScope) {
			const t = translator(locals.locale);
			return json(
				{ error: { code: 'unauthenticated', message: t('errors.unauthenticated'), details: [{ field: 'Authorization', message: 'unknown or revoked token' }] } },
				{ status: 401 }
			);
		}
	}

	const decision = await authorize(db, {
		method: event.request.method,
		routeId: event.route.id,
		search: event.url.search,
		params: event.params,
		user: locals.user,
		tokenScope
	});
	if ('denied' in decision) {
		const { status, code } = decision.denied;
		if (isApi) {
			const message = translator(locals.locale)(`errors.${code}`);
			return json({ error: { code, message, details: [] } }, { status });
		}
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
			if (status === 401) {
				const next = encodeURIComponent(event.url.pathname);
				return new Response(null, { status: 303, headers: { location: `/login?next=${next}` } });
			}
			return new Response(translator(locals.locale)(`errors.${code}`), { status });
		}
		// Page loads: the root layout turns the denial into a redirect or an error page.
		locals.denied = decision.denied;
	} else {
		locals.scope = decision.scope;
	}

	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locals.locale) });
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`${event.request.method} ${event.url.pathname}:`, error);
	const locale = event.locals.locale ?? DEFAULT_LOCALE;
	return { message: translator(locale)(status === 404 ? 'errors.not_found' : 'errors.internal'), code: status === 404 ? 'not_found' : 'internal' };
};
