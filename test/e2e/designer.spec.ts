import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

/**
 * The designer as an analyst uses it: create a process, draw a small funnel with the palette and
 * the context pad, annotate a stage, route a gateway by its outcomes, save and find everything
 * after a reload, then TO BE, compare, import and export.
 */
test.describe.configure({ mode: 'serial' });
// An analyst's screen: room for the canvas beside the properties panel and the lint list.
test.use({ viewport: { width: 1600, height: 900 } });

const analyst = { name: 'Анна Аналитикова', email: 'anna@design.test', password: 'design-analyst-1' };
const MIWG_DIR = [resolve('../shared/interop/miwg'), '/work/shared/interop/miwg'].find((d) => existsSync(d))!;
let processUrl = '';

async function logIn(page: Page) {
	await page.goto('/login');
	await page.getByLabel('Эл. почта').fill(analyst.email);
	await page.getByLabel('Пароль').fill(analyst.password);
	await page.getByRole('button', { name: 'Войти' }).click();
	await expect(page).toHaveURL(/\/w\/[a-z2-7]{16}$/);
}

async function modelerReady(page: Page) {
	await expect(page.locator('.potok-modeler[data-ready="true"]')).toBeVisible({ timeout: 15_000 });
}

const shape = (page: Page, id: string) => page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`);
/** The selected element (gateways and events come selected with their external label: skip it). */
async function selectedId(page: Page): Promise<string> {
	const ids = await page.locator('.djs-element.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id') ?? ''));
	const id = ids.find((i) => i && !i.endsWith('_label'));
	if (!id) throw new Error(`Expected a selected element, got ${JSON.stringify(ids)}`);
	return id;
}
const contextPad = (page: Page, action: string) => page.locator(`.djs-context-pad [data-action="${action}"]`);

async function box(locator: Locator) {
	const b = await locator.boundingBox();
	if (!b) throw new Error('Expected the element to be on screen');
	return b;
}

/** Clicks an empty spot of the canvas (ends label editing, clears the selection). */
async function clickEmpty(page: Page) {
	const canvas = await box(page.locator('.potok-modeler .canvas'));
	// low in the middle, above the lint button (bottom centre) and left of the zoom buttons
	await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height - 100);
}

async function appendFrom(page: Page, sourceId: string, action: string, name?: string): Promise<string> {
	// clicking a selected element deselects it: start from a clear selection
	await clickEmpty(page);
	await shape(page, sourceId).click();
	await contextPad(page, action).click();
	const id = await selectedId(page);
	if (name) {
		// bpmn-js opens label editing on the new task
		await page.keyboard.type(name);
		await clickEmpty(page);
	}
	return id;
}

async function openGroup(page: Page, groupId: string) {
	const group = page.locator(`.bio-properties-panel-group[data-group-id="group-${groupId}"]`);
	const header = group.locator('.bio-properties-panel-group-header');
	if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
	return group;
}

async function fill(page: Page, entryId: string, value: string) {
	const input = page.locator(`#bio-properties-panel-${entryId}`);
	await input.fill(value);
	await input.press('Tab');
}

async function savedText(download: Download): Promise<string> {
	return readFileSync((await download.path())!, 'utf8');
}

test('an analyst signs up and creates a process', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Имя и фамилия').fill(analyst.name);
	await page.getByLabel('Эл. почта').fill(analyst.email);
	await page.getByLabel('Пароль').fill(analyst.password);
	await page.getByLabel('Название компании').fill('Интегратор «Поток»');
	await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
	await expect(page).toHaveURL(/\/w\/[a-z2-7]{16}$/);

	await page.getByRole('link', { name: 'Процессы' }).click();
	await expect(page.getByText('Процессов пока нет')).toBeVisible();
	await page.getByLabel('Название', { exact: true }).fill('Продажа кухни');
	await page.getByLabel('Описание').fill('От заявки до договора');
	await page.getByLabel('Сделки').check();
	await page.getByRole('button', { name: 'Создать процесс' }).click();
	await expect(page.getByRole('heading', { name: 'Продажа кухни', level: 1 })).toBeVisible();
	processUrl = new URL(page.url()).pathname;
	await expect(page.locator('[data-track="as_is"]')).toContainText('схемы нет');
});

test('draws start → task → gateway → two tasks → end, annotates the stage, routes the gateway, saves and finds it all after a reload', async ({ page }) => {
	await logIn(page);
	await page.goto(processUrl);
	await page.locator('[data-track="as_is"]').getByRole('link', { name: 'Нарисовать' }).click();
	await modelerReady(page);
	// The palette speaks Russian
	await expect(page.locator('.djs-palette [data-action="create.task"]')).toHaveAttribute('aria-label', 'Создать задачу');

	const call = await appendFrom(page, 'StartEvent_1', 'append.append-task', 'Позвонить');
	const gateway = await appendFrom(page, call, 'append.gateway');
	const meeting = await appendFrom(page, gateway, 'append.append-task', 'Назначить встречу');
	const later = await appendFrom(page, gateway, 'append.append-task', 'Перезвонить позже');

	// The end event comes from the palette; both tasks connect to it.
	const a = await box(shape(page, meeting));
	const b = await box(shape(page, later));
	await page.locator('.djs-palette [data-action="create.end-event"]').click();
	const canvas = await box(page.locator('.potok-modeler .canvas'));
	const endAt = { x: Math.min(Math.max(a.x + a.width, b.x + b.width) + 150, canvas.x + canvas.width - 60), y: (a.y + b.y + b.height) / 2 };
	await page.mouse.move(endAt.x - 10, endAt.y);
	await page.mouse.click(endAt.x, endAt.y);
	const end = await selectedId(page);
	for (const task of [meeting, later]) {
		await clickEmpty(page);
		await shape(page, task).click();
		await contextPad(page, 'connect').click();
		await shape(page, end).click();
	}
	await expect(page.locator('.djs-connection')).toHaveCount(6);
	await expect(page.locator('[data-testid="editor-state"]')).toContainText('Есть несохранённые изменения');

	// «Позвонить» becomes a stage with a required date-time field and two outcomes
	await clickEmpty(page);
	await shape(page, call).click();
	
	await openGroup(page, 'potok');
	await page.locator('#bio-properties-panel-potok-stage').check();
	const fields = await openGroup(page, 'potok-fields');
	await fields.locator('.bio-properties-panel-add-entry').click();
	await fill(page, 'potok-field-0-key', 'meeting_at');
	await fill(page, 'potok-field-0-label', 'Дата встречи');
	await page.locator('#bio-properties-panel-potok-field-0-type').selectOption('datetime');
	await page.locator('#bio-properties-panel-potok-field-0-required').check();
	const outcomes = await openGroup(page, 'potok-outcomes');
	await outcomes.locator('.bio-properties-panel-add-entry').click();
	await fill(page, 'potok-outcome-0-key', 'reached');
	await fill(page, 'potok-outcome-0-label', 'Дозвонились');
	await outcomes.locator('.bio-properties-panel-add-entry').click();
	await fill(page, 'potok-outcome-1-key', 'no_answer');
	await fill(page, 'potok-outcome-1-label', 'Недозвон');

	// Until the gateway routes both outcomes, lint warns about it
	const lint = page.getByRole('complementary', { name: 'Проверка схемы' });
	await expect(lint).toContainText('не обработан');

	// Route each flow leaving the gateway by an outcome (the flows are picked where they run)
	const g = await box(shape(page, gateway));
	const m = await box(shape(page, meeting));
	const l = await box(shape(page, later));
	await page.mouse.click((g.x + g.width + m.x) / 2, g.y + g.height / 2);
	await openGroup(page, 'potok');
	await page.locator('#bio-properties-panel-potok-condition').selectOption('reached');
	await page.mouse.click(l.x - 12, l.y + l.height / 2);
	await openGroup(page, 'potok');
	await page.locator('#bio-properties-panel-potok-condition').selectOption('no_answer');
	await expect(lint).not.toContainText('не обработан');

	// Undo and redo of a potok edit
	await page.getByRole('button', { name: 'Отменить' }).click();
	await expect(lint).toContainText('не обработан');
	await page.getByRole('button', { name: 'Повторить' }).click();
	await expect(lint).not.toContainText('не обработан');

	// Leaving with unsaved changes asks first
	await expect(page.getByText('Есть несохранённые изменения')).toBeVisible();
	const asked = new Promise<string>((resolve) =>
		page.once('dialog', (dialog) => {
			resolve(dialog.message());
			void dialog.dismiss();
		})
	);
	await page.getByRole('link', { name: '← Продажа кухни' }).click();
	expect(await asked).toContain('Несохранённые изменения');
	await expect(page).toHaveURL(/\/edit\/as_is$/);

	await page.getByLabel('Что изменилось').fill('Первая схема воронки');
	await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Сохранено: версия №1');
	await expect(page.locator('[data-testid="editor-state"]')).toContainText('версия №1');

	await page.reload();
	await modelerReady(page);
	await expect(shape(page, later)).toBeVisible();
	await expect(lint).not.toContainText('не обработан');
	await shape(page, call).click();
	await openGroup(page, 'potok');
	await expect(page.locator('#bio-properties-panel-potok-stage')).toBeChecked();
	await openGroup(page, 'potok-fields');
	await expect(page.locator('#bio-properties-panel-potok-field-0-key')).toHaveValue('meeting_at');
	await expect(page.locator('#bio-properties-panel-potok-field-0-type')).toHaveValue('datetime');
	await expect(page.locator('#bio-properties-panel-potok-field-0-required')).toBeChecked();
	await openGroup(page, 'potok-outcomes');
	await expect(page.locator('#bio-properties-panel-potok-outcome-1-key')).toHaveValue('no_answer');
});

test('TO BE starts as a copy of AS IS, gets a new task, and the compare marks it as added', async ({ page }) => {
	await logIn(page);
	await page.goto(processUrl);
	await page.getByRole('button', { name: 'Начать TO BE с копии AS IS' }).click();
	await expect(page.getByRole('status')).toContainText('TO BE начат с копии AS IS');
	await page.locator('[data-track="to_be"]').getByRole('link', { name: 'Редактировать' }).click();
	await modelerReady(page);
	await page.locator('.djs-palette [data-action="create.task"]').click();
	const canvas = await box(page.locator('.potok-modeler .canvas'));
	await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height - 120);
	const added = await selectedId(page);
	await page.keyboard.type('Отправить КП');
	await clickEmpty(page);
	await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Сохранено: версия №2');

	await page.goto(processUrl);
	await page.getByRole('link', { name: 'Сравнить AS IS и TO BE' }).click();
	const right = page.locator('.potok-compare [data-side="to"]');
	await expect(right.locator(`.djs-element[data-element-id="${added}"]`)).toHaveClass(/potok-diff-added/, { timeout: 15_000 });
	await expect(page.locator('.potok-compare')).toContainText('Отправить КП');
});

test('two analysts on the same revision: the second save is a clear conflict', async ({ browser }) => {
	const first = await browser.newPage();
	const second = await browser.newPage();
	for (const page of [first, second]) {
		await logIn(page);
		await page.goto(`${processUrl}/edit/as_is`);
		await modelerReady(page);
	}
	for (const page of [first, second]) {
		await page.locator('.djs-palette [data-action="create.task"]').click();
		const canvas = await box(page.locator('.potok-modeler .canvas'));
		await page.mouse.click(canvas.x + 200, canvas.y + canvas.height - 80);
		await clickEmpty(page);
	}
	await first.getByRole('button', { name: 'Сохранить', exact: true }).click();
	await expect(first.getByRole('status')).toContainText('версия №2');
	await second.getByRole('button', { name: 'Сохранить', exact: true }).click();
	await expect(second.getByRole('alert')).toContainText('Конфликт версий');
	await expect(second.getByRole('alert')).toContainText('версию №2');
	await expect(second.locator('[data-testid="editor-state"]')).toContainText('Есть несохранённые изменения');
	await first.close();
	await second.close();
});

test('imports a MIWG file into a track, exports .bpmn and .svg, and finds its revisions', async ({ page }) => {
	await logIn(page);
	await page.goto(processUrl);
	await page.locator('[data-track="to_be"]').getByRole('link', { name: 'Редактировать' }).click();
	await modelerReady(page);
	page.once('dialog', (dialog) => void dialog.accept());
	await page.locator('[data-testid="bpmn-file"]').setInputFiles(join(MIWG_DIR, 'A.2.0.bpmn'));
	await expect(page.getByRole('status')).toContainText('A.2.0.bpmn');
	await expect(page.locator('.djs-shape[data-element-id="_1-13"], .djs-shape').first()).toBeVisible();
	await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Сохранено: версия №3');

	await page.locator('.download summary').click();
	const [bpmn] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '.bpmn', exact: true }).click()]);
	expect(bpmn.suggestedFilename()).toMatch(/\.bpmn$/);
	const exported = await savedText(bpmn);
	const original = readFileSync(join(MIWG_DIR, 'A.2.0.bpmn'), 'utf8');
	for (const id of [...original.matchAll(/<(?:\w+:)?(?:task|startEvent|endEvent|sequenceFlow|exclusiveGateway)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1])) {
		expect(exported).toContain(`id="${id}"`);
	}
	await page.locator('.download summary').click();
	const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '.svg', exact: true }).click()]);
	expect(await savedText(svg)).toMatch(/^<\?xml[\s\S]*<svg/);

	await page.getByRole('link', { name: 'Версии' }).click();
	await expect(page.locator('tr[data-revision]')).toHaveCount(3);
	await page.locator('tr[data-revision="1"]').getByRole('link', { name: 'Открыть' }).click();
	await expect(page.getByText('Только просмотр')).toBeVisible();
	await page.getByRole('button', { name: 'Восстановить эту версию' }).click();
	await expect(page).toHaveURL(/\/edit\/to_be\?restored=4$/);
	await modelerReady(page);
	await expect(page.locator('[data-testid="editor-state"]')).toContainText('версия №4');
});
