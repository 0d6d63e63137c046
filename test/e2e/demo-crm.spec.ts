import { expect, test } from '@playwright/test';

/**
 * A sales manager's day in the demo company `npm start` seeds: on the B2B kanban a deal taken
 * into work is dragged to «Встреча назначена», the meeting date is asked for first, the card
 * moves, and the meeting's task in «Мои задачи» is completed with a result.
 */
test.use({ viewport: { width: 1500, height: 950 } });
const MARINA = { email: 'manager1@demo.potok', password: 'demo-e2e-password' }; // playwright.config.ts: E2E_DEMO_PASSWORD
const DEAL = 'Столовая для кафе «Блин-Клуб»';

test('a sales manager moves a demo deal to its meeting within the diagram’s rules and completes the meeting task with a result', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Эл. почта').fill(MARINA.email);
	await page.getByLabel('Пароль').fill(MARINA.password);
	await page.getByRole('button', { name: 'Войти' }).click();
	await expect(page).toHaveURL(/\/w\/[^/]+/);
	const ws = new URL(page.url()).pathname.split('/')[2]!;

	await page.goto(`/w/${ws}/kanban/sales_b2b`);
	await expect(page.getByRole('heading', { name: 'Продажи B2B', level: 1 })).toBeVisible();
	const column = (label: string) => page.locator('section.column', { has: page.getByRole('heading', { name: label, exact: true }) });
	const card = page.locator('li.kcard', { hasText: DEAL });
	await expect(column('Взят в работу').locator('li.kcard', { hasText: DEAL })).toBeVisible();

	await card.dragTo(column('Встреча назначена'));
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText('Перевести на «Встреча назначена»');
	await expect(dialog.locator('.crm-field.highlight[data-field="meeting_at"]')).toBeVisible();
	await expect(column('Взят в работу')).toContainText(DEAL);
	await dialog.getByLabel('Дата и время встречи').fill('2030-03-01T10:00');
	await dialog.getByRole('button', { name: 'Сохранить и перевести' }).click();
	await expect(dialog).toBeHidden();
	await expect(column('Встреча назначена')).toContainText(DEAL);

	await page.getByRole('link', { name: 'Задачи', exact: true }).click();
	const task = page.locator('li.task', { hasText: DEAL }).first();
	await expect(task).toBeVisible();
	await task.getByText('Завершить', { exact: true }).click();
	await task.getByRole('group', { name: 'Итог стадии' }).getByRole('button').first().click();
	await expect(task.getByRole('alert')).toContainText('без результата');
	await task.getByLabel('Результат').fill('Встретились в кафе, замер сделан');
	await task.getByRole('group', { name: 'Итог стадии' }).getByRole('button').first().click();
	await expect(page.getByRole('status')).toContainText('выполнена');

	// the card's timeline tells the story
	await page.goto(`/w/${ws}/kanban/sales_b2b`);
	await page.locator('li.kcard', { hasText: DEAL }).getByRole('link', { name: DEAL }).click();
	await expect(page.getByTestId('stage')).not.toHaveText('Встреча назначена');
	await expect(page.getByText('Встретились в кафе, замер сделан').first()).toBeVisible();
});
