import { inflateRawSync } from 'node:zlib';

/**
 * A small ZIP reader for the tests: the entries of an archive by name, read through the central
 * directory (stored and deflated entries, as Word documents use). Enough to open a DOCX.
 */
export function readZip(archive: Uint8Array): Map<string, Buffer> {
	const data = Buffer.from(archive);
	const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (eocd < 0) throw new Error('Expected a ZIP archive, but found no end of central directory');
	const count = data.readUInt16LE(eocd + 10);
	let offset = data.readUInt32LE(eocd + 16);
	const entries = new Map<string, Buffer>();
	for (let i = 0; i < count; i++) {
		if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`Expected a central directory entry at ${offset}`);
		const method = data.readUInt16LE(offset + 10);
		const compressedSize = data.readUInt32LE(offset + 20);
		const nameLength = data.readUInt16LE(offset + 28);
		const extraLength = data.readUInt16LE(offset + 30);
		const commentLength = data.readUInt16LE(offset + 32);
		const localOffset = data.readUInt32LE(offset + 42);
		const name = data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
		const localNameLength = data.readUInt16LE(localOffset + 26);
		const localExtraLength = data.readUInt16LE(localOffset + 28);
		const start = localOffset + 30 + localNameLength + localExtraLength;
		const raw = data.subarray(start, start + compressedSize);
		if (method !== 0 && method !== 8) throw new Error(`Expected a stored or deflated entry, but ${name} uses method ${method}`);
		entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
		offset += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}
