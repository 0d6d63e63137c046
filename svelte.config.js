import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter({ out: 'build' }),
		// stylesheets this small go into the page itself (the root layout's 5 kB among them): a
		// request costs a page more than the bytes do
		inlineStyleThreshold: 8192
	}
};

export default config;
