import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';

/**
 * The head of sales of the demo company (seeded by `npm start`, eight weeks of history) answers
 * "where do we lose clients, and who is slow?" in «Аналитика» and takes the numbers to Excel.
 */
const HEAD = { email: 'head@demo.potok', password: 'demo-e2e-password' }; // playwright.config.ts: E2E_DEMO_PASSWORD

test.describe.configure({ mode: 'serial' });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function login(page: Page) {
	await page.goto('/login');
	await page.getByLabel('Эл. почта').fill(HEAD.email);
	await page.getByLabel('Пароль').fill(HEAD.password);
	await page.getByRole('button', { name: 'Войти' }).click();
	await expect(page.getByRole('link', { name: 'Аналитика' })).toBeVisible();
}

/** The funnel table as text, stage by stage: [stage, reached, moved on, dropped out, there now]. */
async function funnelRows(page: Page): Promise<string[][]> {
	const rows = page.getByTestId('funnel-table').locator('tbody tr');
	const out: string[][] = [];
	for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('td').allInnerTexts()).slice(0, 5).map((c) => c.trim()));
	return out;
}

test('the head of sales reads the B2C funnel for eight weeks, opens a stage’s deals and downloads the XLSX with the same numbers', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: 'Аналитика' }).click();
	await expect(page.getByRole('heading', { name: 'Аналитика', level: 1 })).toBeVisible();

	// Pick the pipeline and a period of eight weeks
	const filters = page.getByTestId('report-filters');
	await filters.getByLabel('Воронка').selectOption({ label: 'Продажи B2C' });
	await filters.getByLabel('С', { exact: true }).fill(day(-60));
	await filters.getByLabel('По', { exact: true }).fill(day(0));
	await filters.getByRole('button', { name: 'Показать' }).click();
	await expect(page).toHaveURL(/pipeline=sales_b2c/);
	await expect(page.getByText('Создано за период: 11')).toBeVisible();
	const rows = await funnelRows(page);
	expect(rows[0]).toEqual(['Новая заявка', '11', expect.any(String), expect.any(String), expect.any(String)]);
	expect(rows.map((r) => r[0])).toContain('Встреча назначена');
	// Where deals are lost, and how long stages take, by person
	await expect(page.getByText('Почему отваливаются')).toBeVisible();
	await expect(page.getByText(/Дорого — 1/)).toBeVisible();
	await expect(page.getByTestId('stage-times-table').locator('tr[data-stage="in_work"] td').nth(1)).not.toHaveText('0');

	// A shorter period shows fewer deals
	await filters.getByLabel('С', { exact: true }).fill(day(-14));
	await filters.getByRole('button', { name: 'Показать' }).click();
	await expect(page.getByText(/Создано за период: (\d+)/)).not.toHaveText('Создано за период: 11');
	await filters.getByLabel('С', { exact: true }).fill(day(-60));
	await filters.getByRole('button', { name: 'Показать' }).click();
	await expect(page.getByText('Создано за период: 11')).toBeVisible();

	// Click the first stage of the funnel chart: its deals
	await page.locator('a.stage[data-stage="new"]').click();
	await expect(page.getByRole('heading', { name: /дошли до стадии «Новая заявка»/ })).toBeVisible();
	await expect(page.getByTestId('report-records').locator('tbody tr')).toHaveCount(11);
	await expect(page.getByRole('link', { name: 'Кухня для студии, Лебедев' })).toBeVisible();
	await page.getByRole('link', { name: '← К аналитике' }).click();
	await expect(page.getByText('Создано за период: 11')).toBeVisible();

	// Download the funnel as XLSX: the workbook holds the same numbers as typed cells
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('funnel-xlsx').click()]);
	expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
	const book = new ExcelJS.Workbook();
	const bytes = await readFile((await download.path())!);
	await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	const sheet = book.getWorksheet('Воронка')!;
	expect(sheet.getRow(1).getCell(1).value).toBe('Стадия');
	const onPage = await funnelRows(page);
	const inFile: string[][] = [];
	sheet.eachRow((row, n) => {
		if (n > 1) inFile.push([1, 2, 3, 4, 5].map((c) => String(row.getCell(c).value)));
	});
	expect(inFile).toEqual(onPage);
	expect(typeof sheet.getRow(2).getCell(2).value).toBe('number');
});

test('an employee sees only their own numbers', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Эл. почта').fill('manager1@demo.potok');
	await page.getByLabel('Пароль').fill(HEAD.password);
	await page.getByRole('button', { name: 'Войти' }).click();
	await page.getByRole('link', { name: 'Аналитика' }).click();
	await expect(page.getByText('Здесь только ваши записи.')).toBeVisible();
	await expect(page.getByTestId('report-filters').getByLabel('Ответственный')).toHaveCount(0);
});
