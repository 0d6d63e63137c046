import { expect, test, type Page } from '@playwright/test';

/**
 * The foundation as people use it, on a fresh install (no demo data): the first
 * person signs up and owns a company, invites a head of sales, who joins by the
 * link, sees only what the role allows and switches the language.
 */
test.describe.configure({ mode: 'serial' });

const owner = { name: 'Ольга Владимирова', email: 'olga@kuhni.test', password: 'kuhni-owner-1' };
const head = { name: 'Елена Руководова', email: 'elena@kuhni.test', password: 'kuhni-head-1' };
let inviteLink = '';
let workspacePath = '';

async function signUp(page: Page, who: typeof owner, company?: string) {
	await page.getByLabel('Имя и фамилия').fill(who.name);
	await page.getByLabel('Эл. почта').fill(who.email);
	await page.getByLabel('Пароль').fill(who.password);
	if (company) await page.getByLabel('Название компании').fill(company);
	await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
}

test('a logged-out visit to a workspace page goes to the login page, which remembers where it was going', async ({ page }) => {
	await page.goto('/w/abcdefabcdefabcd/settings/members');
	await expect(page).toHaveURL(/\/login\?next=%2Fw%2Fabcdefabcdefabcd%2Fsettings%2Fmembers$/);
	await expect(page.getByRole('heading', { name: 'Вход в Поток' })).toBeVisible();
	await expect(page.locator('input[name="next"]')).toHaveValue('/w/abcdefabcdefabcd/settings/members');
});

test('the first person signs up and becomes owner of a new company', async ({ page }) => {
	await page.goto('/signup');
	await expect(page.getByText('Первый пользователь становится владельцем этой компании')).toBeVisible();
	await signUp(page, owner, 'Кухни на заказ');
	await expect(page).toHaveURL(/\/w\/[a-z2-7]{16}$/);
	workspacePath = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { name: 'Кухни на заказ', level: 1 })).toBeVisible();
	await expect(page.getByText('Владелец', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Настройки' })).toBeVisible();
});

test('the owner adds a department and invites a head of sales by a one-time link', async ({ page }) => {
	await logIn(page, owner);
	await page.getByRole('link', { name: 'Настройки' }).click();
	await page.getByRole('link', { name: 'Отделы' }).click();
	await page.getByLabel('Название отдела').last().fill('Отдел продаж');
	await page.getByRole('button', { name: 'Добавить отдел' }).click();
	await expect(page.getByRole('textbox', { name: 'Название отдела' }).first()).toHaveValue('Отдел продаж');

	await page.getByRole('link', { name: 'Участники' }).click();
	const invite = page.locator('form[action="?/invite"]');
	await invite.getByLabel('Сотрудник').uncheck();
	await invite.getByLabel('Руководитель').check();
	await invite.getByLabel('Отдел продаж').check();
	await invite.getByLabel('Для кого (необязательно)').fill('Елена');
	await invite.getByRole('button', { name: 'Создать ссылку-приглашение' }).click();
	const link = page.getByTestId('invite-link');
	await expect(link).toContainText('/invite/');
	inviteLink = (await link.textContent())!.trim();
	await expect(page.getByText('Ожидают ответа')).toBeVisible();
});

test('the head of sales signs up through the link, joins, and sees only what the role allows', async ({ page }) => {
	await page.goto(inviteLink);
	await expect(page.getByText('Ольга Владимирова приглашает вас в компанию «Кухни на заказ»')).toBeVisible();
	await page.getByRole('link', { name: 'Регистрация' }).last().click();
	await expect(page.getByLabel('Название компании')).toHaveCount(0);
	await signUp(page, head);
	await expect(page).toHaveURL(/\/invite\//);
	await page.getByRole('button', { name: 'Принять приглашение' }).click();
	await expect(page).toHaveURL(new RegExp(`${workspacePath}$`));
	await expect(page.getByText('Руководитель', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Настройки' })).toHaveCount(0);

	const settings = await page.goto(`${workspacePath}/settings/members`);
	expect(settings?.status()).toBe(403);
	await expect(page.getByText('Недостаточно прав для этого действия')).toBeVisible();

	// the link works once
	await page.goto(inviteLink);
	await expect(page.getByText('Ссылка-приглашение недействительна')).toBeVisible();
});

test('the head of sales switches the interface to English and back', async ({ page }) => {
	await logIn(page, head);
	await expect(page.getByRole('link', { name: 'Обзор' })).toBeVisible();
	await page.getByRole('button', { name: 'EN' }).click();
	await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
	await expect(page.getByText('Manager', { exact: true })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: 'RU' }).click();
	await expect(page.getByRole('link', { name: 'Обзор' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('the owner sees the new member with the role and department, and switches between two companies', async ({ page }) => {
	await logIn(page, owner);
	await page.goto(`${workspacePath}/settings/members`);
	const row = page.locator(`tr[data-member="${head.email}"]`);
	await expect(row.getByLabel('Руководитель')).toBeChecked();
	await expect(row.getByLabel('Отдел продаж')).toBeChecked();

	await page.getByText('Кухни на заказ', { exact: true }).first().click();
	await page.getByRole('link', { name: '+ Новая компания' }).click();
	await page.getByLabel('Название').fill('Мебельная фабрика');
	await page.getByRole('button', { name: 'Создать' }).click();
	await expect(page.getByRole('heading', { name: 'Мебельная фабрика', level: 1 })).toBeVisible();
	await page.locator('summary', { hasText: 'Мебельная фабрика' }).click();
	await page.getByRole('link', { name: 'Кухни на заказ' }).click();
	await expect(page).toHaveURL(new RegExp(`${workspacePath}$`));
	await expect(page.getByRole('heading', { name: 'Кухни на заказ', level: 1 })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('login, a wrong password and logout work as plain forms', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('Эл. почта').fill(owner.email);
		await page.getByLabel('Пароль').fill('wrong-password');
		await page.getByRole('button', { name: 'Войти' }).click();
		await expect(page.getByRole('alert')).toHaveText('Неверная почта или пароль');
		await expect(page.getByLabel('Эл. почта')).toHaveValue(owner.email);
		await page.getByLabel('Пароль').fill(owner.password);
		await page.getByRole('button', { name: 'Войти' }).click();
		await expect(page).toHaveURL(/\/w\//);
		await page.getByRole('button', { name: 'Выйти' }).click();
		await expect(page.getByText('Вы вышли из Потока')).toBeVisible();
	});
});

async function logIn(page: Page, who: { email: string; password: string }) {
	await page.goto('/login');
	await page.getByLabel('Эл. почта').fill(who.email);
	await page.getByLabel('Пароль').fill(who.password);
	await page.getByRole('button', { name: 'Войти' }).click();
	await expect(page).toHaveURL(/\/w\//);
}
