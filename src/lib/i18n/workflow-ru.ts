/** Publishing and the workflow's own texts, in Russian. */
export const workflowRu = {
	publishTitle: 'Публикация',
	notPublished: 'Процесс ещё не опубликован: записи по нему пока не работают.',
	current: 'Работает версия {{version}} (TO BE №{{revision}}) — воронка «{{pipeline}}»',
	publish: 'Опубликовать',
	publishHint: 'Опубликует последнюю версию TO BE: новые записи пойдут по ней, начатые останутся на своей версии.',
	publishedNow: 'Опубликована версия {{version}}: стадии {{stages}}',
	unchanged: 'Эта версия TO BE уже опубликована — работает версия {{version}}',
	fieldsAdded: 'В карточку добавлены поля: {{fields}}',
	warnings: 'Замечания проверки (публикации не мешают)',
	refusals: 'Что мешает публикации'
};
