import { describe, expect, it } from 'vitest';
import { ViewboxSync, type Box, type SyncCanvas } from '$lib/components/compare/viewbox-sync';

/** A canvas that stores its viewbox and, like diagram-js, reports each change synchronously. */
class FakeCanvas implements SyncCanvas {
	box: Box = { x: 0, y: 0, width: 800, height: 600 };
	onChange: () => void = () => {};
	constructor(private readonly inner: Box) {}
	viewbox(): Box & { inner: Box };
	viewbox(box: Box): unknown;
	viewbox(box?: Box) {
		if (!box) return { ...this.box, inner: this.inner };
		this.box = { ...box };
		this.onChange();
		return box;
	}
}

function linked(leftInner: Box = { x: 0, y: 0, width: 400, height: 300 }, rightInner: Box = { x: 100, y: 50, width: 600, height: 200 }) {
	const left = new FakeCanvas(leftInner);
	const right = new FakeCanvas(rightInner);
	const sync = new ViewboxSync(left, right);
	left.onChange = () => sync.moved('left');
	right.onChange = () => sync.moved('right');
	return { left, right, sync };
}

describe('ViewboxSync', () => {
	it('fits both diagrams whole into one shared viewbox', () => {
		const { left, right, sync } = linked();
		sync.fitBoth(10);
		expect(left.box).toEqual({ x: -10, y: -10, width: 720, height: 320 });
		expect(right.box).toEqual(left.box);
	});

	it('moves the other side along when either side scrolls or zooms', () => {
		const { left, right } = linked();
		left.viewbox({ x: 30, y: 40, width: 400, height: 300 });
		expect(right.box).toEqual({ x: 30, y: 40, width: 400, height: 300 });
		right.viewbox({ x: -5, y: 0, width: 1600, height: 1200 });
		expect(left.box).toEqual({ x: -5, y: 0, width: 1600, height: 1200 });
	});

	it('centres each side on its own point and keeps that offset while scrolling', () => {
		const { left, right, sync } = linked();
		sync.centre({ x: 250, y: 340 }, { x: 250, y: 460 });
		expect(left.box).toEqual({ x: -150, y: 40, width: 800, height: 600 });
		expect(right.box).toEqual({ x: -150, y: 160, width: 800, height: 600 });
		left.viewbox({ x: 0, y: 0, width: 800, height: 600 });
		expect(right.box).toEqual({ x: 0, y: 120, width: 800, height: 600 });
	});

	it('centres only the side that has the element; the other follows', () => {
		const { left, right, sync } = linked();
		sync.centre(undefined, { x: 500, y: 300 });
		expect(right.box).toEqual({ x: 100, y: 0, width: 800, height: 600 });
		expect(left.box).toEqual(right.box);
	});
});
