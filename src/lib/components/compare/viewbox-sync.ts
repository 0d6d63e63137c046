/** The part of diagram-js's Canvas the sync uses. */
export interface SyncCanvas {
	viewbox(): Box & { inner: Box };
	viewbox(box: Box): unknown;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface Point {
	x: number;
	y: number;
}

/**
 * Keeps two diagrams looking at the same place: zooming or scrolling one moves the other.
 * The right diagram's viewbox is the left one's shifted by `offset` (diagram coordinates), which
 * is zero until `centre` points both at an element that sits in different places on each side.
 * Each canvas reports its changes through `moved(side)`; the change it causes on the other side
 * fires `moved` again, which is ignored.
 */
export class ViewboxSync {
	private offset: Point = { x: 0, y: 0 };
	private applying = false;

	constructor(
		private readonly left: SyncCanvas,
		private readonly right: SyncCanvas
	) {}

	/** Follows a zoom or scroll of one side with the other. */
	moved(side: 'left' | 'right'): void {
		if (this.applying) return;
		const [from, to, sign] = side === 'left' ? [this.left, this.right, 1] : [this.right, this.left, -1];
		const box = from.viewbox();
		this.apply(to, { x: box.x + sign * this.offset.x, y: box.y + sign * this.offset.y, width: box.width, height: box.height });
	}

	/** Shows both diagrams whole, at one scale, with no offset. */
	fitBoth(padding = 20): void {
		const a = this.left.viewbox().inner;
		const b = this.right.viewbox().inner;
		const x = Math.min(a.x, b.x) - padding;
		const y = Math.min(a.y, b.y) - padding;
		const box = { x, y, width: Math.max(a.x + a.width, b.x + b.width) + padding - x, height: Math.max(a.y + a.height, b.y + b.height) + padding - y };
		this.offset = { x: 0, y: 0 };
		this.apply(this.left, box);
		this.moved('left');
	}

	/**
	 * Centres each side on the given point (an element's centre), keeping the zoom. A side without
	 * a point follows the other; with both, the offset between them is kept from now on.
	 */
	centre(left: Point | undefined, right: Point | undefined): void {
		if (left && right) this.offset = { x: right.x - left.x, y: right.y - left.y };
		if (left) {
			this.apply(this.left, centredOn(this.left, left));
			this.moved('left');
		} else if (right) {
			this.apply(this.right, centredOn(this.right, right));
			this.moved('right');
		}
	}

	private apply(canvas: SyncCanvas, box: Box): void {
		this.applying = true;
		try {
			canvas.viewbox(box);
		} finally {
			this.applying = false;
		}
	}
}

function centredOn(canvas: SyncCanvas, point: Point): Box {
	const { width, height } = canvas.viewbox();
	return { x: point.x - width / 2, y: point.y - height / 2, width, height };
}
