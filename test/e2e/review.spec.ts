import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * The client's review as people do it: the analyst submits the demo sales funnel for approval;
 * the client logs in, comments on the stage «Встреча назначена» and returns it; the analyst adds
 * the missing field and submits again; the client sees the change highlighted and approves with
 * a signature; the analyst publishes what was approved.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1600, height: 900 } });

const analyst = { name: 'Антон Аналитиков', email: 'anton@review.test', password: 'review-analyst-1' };
const client = { name: 'Кирилл Заказчиков', email: 'kirill@review.test', password: 'review-client-1' };
const FUNNEL = resolve('processes/sales-funnel.bpmn');
let workspacePath = '';
let processPath = '';
let inviteLink = '';

async function signUp(page: Page, who: typeof analyst, company?: string) {
	await page.getByLabel('Имя и фамилия').fill(who.name);
	await page.getByLabel('Эл. почта').fill(who.email);
	await page.getByLabel('Пароль').fill(who.password);
	if (company) await page.getByLabel('Название компании').fill(company);
	await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
}

async function logIn(page: Page, who: typeof analyst) {
	await page.goto('/login');
	await page.getByLabel('Эл. почта').fill(who.email);
	await page.getByLabel('Пароль').fill(who.password);
	await page.getByRole('button', { name: 'Войти' }).click();
	await expect(page).toHaveURL(/\/w\/[a-z2-7]{16}$/);
}

const shape = (page: Page, id: string) => page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`);

/** Zooms the diagram in around a shape (Ctrl + wheel, as a person does) and clicks it clear of the flows that cross it. */
async function clickShape(page: Page, id: string) {
	const target = shape(page, id);
	const box = (await target.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.keyboard.down('Control');
	for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -120);
	await page.keyboard.up('Control');
	const zoomed = (await target.boundingBox())!;
	await page.mouse.click(zoomed.x + zoomed.width * 0.2, zoomed.y + zoomed.height * 0.2);
}

async function reviewReady(page: Page) {
	await expect(page.locator('.review-diagram[data-ready="true"]')).toBeVisible({ timeout: 15_000 });
}

async function submitForReview(page: Page, revision: number, message: string) {
	await page.goto(processPath);
	await page.getByRole('link', { name: 'Отправить на согласование' }).click();
	await expect(page.getByText(`Отправляется TO BE, версия №${revision}`)).toBeVisible();
	await expect(page.getByText(`Получат: ${client.name}`)).toBeVisible();
	await page.getByLabel('Сообщение согласующим').fill(message);
	await page.getByRole('button', { name: 'Отправить на согласование' }).click();
	// the browser draws the diagram's picture for the documents before the form goes
	await expect(page).toHaveURL(new RegExp(`/review/${revision}\\?submitted=open$`), { timeout: 20_000 });
	await expect(page.getByRole('status')).toContainText(`Версия №${revision} отправлена на согласование`);
}

test('the analyst signs up, invites the client as an approver and loads the demo funnel into TO BE', async ({ page }) => {
	await page.goto('/signup');
	await signUp(page, analyst, 'Кухни на заказ');
	await expect(page).toHaveURL(/\/w\/[a-z2-7]{16}$/);
	workspacePath = new URL(page.url()).pathname;

	await page.goto(`${workspacePath}/settings/members`);
	const invite = page.locator('form[action="?/invite"]');
	await invite.getByLabel('Сотрудник').uncheck();
	await invite.getByLabel('Согласующий').check();
	await invite.getByRole('button', { name: 'Создать ссылку-приглашение' }).click();
	inviteLink = (await page.getByTestId('invite-link').textContent())!.trim();
	expect(inviteLink).toContain('/invite/');

	await page.getByRole('link', { name: 'Процессы' }).click();
	await page.getByLabel('Название', { exact: true }).fill('Воронка продаж');
	await page.getByLabel('Сделки').check();
	await page.getByRole('button', { name: 'Создать процесс' }).click();
	await expect(page.getByRole('heading', { name: 'Воронка продаж', level: 1 })).toBeVisible();
	processPath = new URL(page.url()).pathname;

	await page.locator('[data-track="to_be"]').getByRole('link', { name: 'Нарисовать' }).click();
	await expect(page.locator('.potok-modeler[data-ready="true"]')).toBeVisible({ timeout: 15_000 });
	page.once('dialog', (dialog) => void dialog.accept());
	await page.locator('[data-testid="bpmn-file"]').setInputFiles(FUNNEL);
	await expect(shape(page, 'meeting_set')).toBeVisible();
	await page.getByLabel('Что изменилось').fill('Воронка продаж услуг из шаблона');
	await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Сохранено: версия №1');
});

test('the client joins by the link and sees no drafts', async ({ page }) => {
	await page.goto(inviteLink);
	await page.getByRole('link', { name: 'Регистрация' }).last().click();
	await signUp(page, client);
	await page.getByRole('button', { name: 'Принять приглашение' }).click();
	await expect(page).toHaveURL(new RegExp(`${workspacePath}$`));
	await expect(page.getByRole('link', { name: 'Процессы' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'На согласовании' })).toBeVisible();
	expect((await page.goto(processPath))?.status()).toBe(403);
	expect((await page.goto(`${processPath}/review`))?.status()).toBe(404);
});

test('the analyst submits TO BE for approval', async ({ page }) => {
	await logIn(page, analyst);
	await submitForReview(page, 1, 'Посмотрите, пожалуйста, воронку продаж');
	await reviewReady(page);
	await page.goto(processPath);
	await expect(page.getByTestId('review-status')).toContainText('Версия №1: на согласовании');
});

test('the client reads the stage «Встреча назначена», comments on it and returns the diagram', async ({ page }) => {
	await logIn(page, client);
	await expect(page.getByTestId('reviews-unread')).toHaveText('1');
	await page.getByRole('link', { name: /На согласовании/ }).click();
	await expect(page.locator('li[data-kind="submitted"]')).toContainText('отправил(а) вам на согласование «Воронка продаж» (TO BE, версия №1)');
	const row = page.locator('tr', { hasText: 'Воронка продаж' });
	await expect(row).toContainText('ждёт вашего решения');
	await row.getByRole('link', { name: 'Открыть' }).click();
	await reviewReady(page);
	await expect(page.getByText('Посмотрите, пожалуйста, воронку продаж')).toBeVisible();
	await expect(page.getByTestId('reviews-unread')).toHaveCount(0); // opening the review read the notification

	await clickShape(page, 'meeting_set');
	const panel = page.getByTestId('element-panel');
	await expect(panel).toHaveAttribute('data-element-id', 'meeting_set');
	await expect(panel).toContainText('Встреча назначена');
	await expect(panel).toContainText('Дата и время встречи');
	await panel.getByLabel('Замечание').fill('Где записать, куда ехать на встречу? Нужно поле «Место встречи».');
	await panel.getByRole('button', { name: 'Добавить замечание' }).click();
	await expect(panel.locator('article[data-comment]')).toContainText('Нужно поле «Место встречи»');
	await expect(page.locator('.potok-comment-badge[data-element-id="meeting_set"]')).toHaveText('1');

	await page.getByRole('link', { name: 'Решение' }).click();
	await page.getByLabel('Что нужно доработать').fill('Добавьте место встречи, остальное устраивает.');
	await page.getByRole('button', { name: 'Вернуть на доработку' }).click();
	await expect(page.getByRole('status')).toContainText('Версия возвращена на доработку');
	await expect(page.getByTestId('review-status')).toHaveText('возвращено на доработку');
});

test('the analyst adds the missing field on the stage and submits again', async ({ page }) => {
	await logIn(page, analyst);
	await page.goto(processPath);
	await expect(page.getByTestId('review-status')).toContainText('Версия №1: возвращено на доработку');
	await page.locator('[data-track="to_be"]').getByRole('link', { name: 'Редактировать' }).click();
	await expect(page.locator('.potok-modeler[data-ready="true"]')).toBeVisible({ timeout: 15_000 });
	// the whole funnel on screen («Вписать в экран»; the bpmn.io logo overlaps the button at this size, so no pointer click)
	await page.getByRole('button', { name: '⤢' }).dispatchEvent('click');
	await clickShape(page, 'meeting_set');
	const group = page.locator('.bio-properties-panel-group[data-group-id="group-potok-fields"]');
	const header = group.locator('.bio-properties-panel-group-header');
	if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
	await group.locator('.bio-properties-panel-add-entry').click();
	for (const [entry, value] of [
		['potok-field-2-key', 'meeting_place'],
		['potok-field-2-label', 'Место встречи']
	] as const) {
		const input = page.locator(`#bio-properties-panel-${entry}`);
		await input.fill(value);
		await input.press('Tab');
	}
	await page.getByLabel('Что изменилось').fill('Добавлено поле «Место встречи»');
	await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Сохранено: версия №2');

	await submitForReview(page, 2, 'Добавили место встречи');
});

test('the client sees the change highlighted and approves with a signature', async ({ page }) => {
	await logIn(page, client);
	await page.getByRole('link', { name: /На согласовании/ }).click();
	await page.locator('tr', { hasText: 'Воронка продаж' }).getByRole('link', { name: 'Открыть' }).click();
	await expect(page).toHaveURL(/\/review\/2$/);
	await reviewReady(page);

	await expect(page.getByTestId('changes-banner')).toContainText('Что изменилось с версии №1, отправленной ранее');
	await expect(shape(page, 'meeting_set')).toHaveClass(/potok-diff-changed/);
	await page.getByTestId('changes-banner').getByRole('link', { name: /Изменения/ }).click();
	await expect(page.locator('.change-list li[data-element-id="meeting_set"]')).toContainText('Место встречи');

	// the comment followed the stage to the new revision
	await clickShape(page, 'meeting_set');
	const panel = page.getByTestId('element-panel');
	await expect(panel).toContainText('Место встречи');
	const thread = panel.locator('article[data-comment]');
	await expect(thread).toContainText('к версии №1');
	await thread.getByRole('button', { name: 'Отметить решённым' }).click();
	await expect(thread).toContainText('решено');

	await page.getByRole('link', { name: 'Решение' }).click();
	await page.getByLabel('Подпись: ваши фамилия, имя и отчество').fill('Кирилл');
	await page.getByLabel('Я согласую это техническое задание').check();
	await page.getByRole('button', { name: 'Согласовать' }).click();
	await expect(page.getByText('Впишите свои фамилию и имя полностью')).toBeVisible();

	await page.getByLabel('Подпись: ваши фамилия, имя и отчество').fill('Кирилл Андреевич Заказчиков');
	await page.getByLabel('Я согласую это техническое задание').check();
	await page.getByRole('button', { name: 'Согласовать' }).click();
	await expect(page.getByRole('status')).toContainText('Версия согласована');
	await expect(page.getByTestId('review-status')).toHaveText('согласовано');
	await expect(page.getByTestId('approval')).toContainText('Кирилл Андреевич Заказчиков');

	const pdf = await page.request.get(`${new URL(page.url()).pathname.replace(/^\/w\/([^/]+)\/processes\/([^/]+)\/review\/(\d+)$/, '/api/v1/w/$1/processes/$2/tracks/to_be/revisions/$3')}/spec.pdf`);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
});

test('the analyst publishes the approved revision', async ({ page }) => {
	await logIn(page, analyst);
	await page.goto(processPath);
	await expect(page.getByTestId('review-status')).toContainText('Последняя версия TO BE согласована');
	await page.getByTestId('publish').getByRole('button', { name: 'Опубликовать' }).click();
	await expect(page.getByTestId('publish').getByRole('status')).toContainText('Опубликована версия 1');
});
