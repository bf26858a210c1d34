// Bounds-checked FlatBuffers table access on top of the `flatbuffers` runtime's ByteBuffer.
// The runtime trusts every offset it reads (out-of-range reads quietly return garbage), so each
// position is validated here and a bad file ends in TfliteParseError, never a RangeError or a hang.
import { ByteBuffer } from 'flatbuffers';
import { TfliteParseError } from './types.ts';

/**
 * Shared by every table of one parse: a cap on the total number of elements read, so that a
 * crafted file whose tables all point at the same huge vector cannot make parsing quadratic.
 */
export class ReadBudget {
  constructor(private remaining: number) {}
  spend(elements: number): void {
    this.remaining -= elements;
    if (this.remaining < 0) throw new TfliteParseError('The file references more data than it contains (cyclic or repeated offsets).', 'malformed');
  }
}

export class FlatBuffer {
  readonly bb: ByteBuffer;
  readonly size: number;
  readonly budget: ReadBudget;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(readonly bytes: Uint8Array, budget?: ReadBudget) {
    this.bb = new ByteBuffer(bytes);
    this.size = bytes.length;
    // Every element read costs one unit; a valid file never needs more than a few per byte.
    this.budget = budget ?? new ReadBudget(4 * bytes.length + 100_000);
  }

  check(pos: number, length: number, what: string): void {
    if (!Number.isInteger(pos) || pos < 0 || length < 0 || pos + length > this.size) {
      throw new TfliteParseError(`${what} points outside the file (offset ${pos}, ${length} bytes, file ${this.size} bytes).`, 'out-of-bounds');
    }
  }

  u8(pos: number): number { this.check(pos, 1, 'A byte field'); return this.bb.readUint8(pos); }
  i8(pos: number): number { this.check(pos, 1, 'A byte field'); return this.bb.readInt8(pos); }
  i16(pos: number): number { this.check(pos, 2, 'A 16-bit field'); return this.bb.readInt16(pos); }
  u16(pos: number): number { this.check(pos, 2, 'A 16-bit field'); return this.bb.readUint16(pos); }
  i32(pos: number): number { this.check(pos, 4, 'A 32-bit field'); return this.bb.readInt32(pos); }
  u32(pos: number): number { this.check(pos, 4, 'A 32-bit field'); return this.bb.readUint32(pos); }
  f32(pos: number): number { this.check(pos, 4, 'A float field'); return this.bb.readFloat32(pos); }
  /** 64-bit integers as JS numbers (exact up to 2^53, which covers every offset and zero point). */
  i64(pos: number): number {
    this.check(pos, 8, 'A 64-bit field');
    return this.bb.readUint32(pos) + this.bb.readInt32(pos + 4) * 2 ** 32;
  }
  u64(pos: number): number {
    this.check(pos, 8, 'A 64-bit field');
    return this.bb.readUint32(pos) + this.bb.readUint32(pos + 4) * 2 ** 32;
  }

  /** Follows a uoffset stored at `pos` (relative to `pos`). */
  indirect(pos: number, what: string): number {
    const target = pos + this.u32(pos);
    this.check(target, 4, what);
    return target;
  }

  /** The root table, after checking the 4-byte file identifier when one is given. */
  root(identifier?: string): Table {
    if (this.size < 8) throw new TfliteParseError(`The file is only ${this.size} bytes long; a FlatBuffer needs at least 8.`, 'too-small');
    if (identifier !== undefined) {
      const found = String.fromCharCode(...this.bytes.subarray(4, 8));
      if (found !== identifier) {
        throw new TfliteParseError(`Expected the file identifier "${identifier}" at byte 4, found "${printable(found)}".`, 'bad-identifier');
      }
    }
    return new Table(this, this.indirect(0, 'The root table offset'), 'root table');
  }

  string(pos: number, what: string): string {
    const len = this.u32(pos);
    this.check(pos + 4, len, what);
    this.budget.spend(len / 16);
    return this.decoder.decode(this.bytes.subarray(pos + 4, pos + 4 + len));
  }
}

export class Table {
  private readonly vtable: number;
  private readonly vtableSize: number;
  private readonly tableSize: number;

  constructor(readonly fb: FlatBuffer, readonly pos: number, readonly what: string) {
    fb.budget.spend(1);
    this.vtable = pos - fb.i32(pos);
    fb.check(this.vtable, 4, `The vtable of the ${what}`);
    this.vtableSize = fb.u16(this.vtable);
    this.tableSize = fb.u16(this.vtable + 2);
    if (this.vtableSize < 4 || this.vtableSize % 2 !== 0) {
      throw new TfliteParseError(`The vtable of the ${what} has an invalid size ${this.vtableSize}.`, 'malformed');
    }
    fb.check(this.vtable, this.vtableSize, `The vtable of the ${what}`);
    fb.check(pos, this.tableSize, `The ${what}`);
  }

  /** Absolute position of field number `slot` (0-based, in schema order), or 0 when absent. */
  field(slot: number): number {
    const voffset = 4 + 2 * slot;
    if (voffset >= this.vtableSize) return 0;
    const rel = this.fb.u16(this.vtable + voffset);
    if (rel === 0) return 0;
    if (rel >= this.tableSize) {
      throw new TfliteParseError(`Field ${slot} of the ${this.what} lies outside the table.`, 'malformed');
    }
    return this.pos + rel;
  }

  has(slot: number): boolean { return this.field(slot) !== 0; }
  u8(slot: number, dflt = 0): number { const p = this.field(slot); return p ? this.fb.u8(p) : dflt; }
  i8(slot: number, dflt = 0): number { const p = this.field(slot); return p ? this.fb.i8(p) : dflt; }
  bool(slot: number, dflt = false): boolean { const p = this.field(slot); return p ? this.fb.u8(p) !== 0 : dflt; }
  i32(slot: number, dflt = 0): number { const p = this.field(slot); return p ? this.fb.i32(p) : dflt; }
  u32(slot: number, dflt = 0): number { const p = this.field(slot); return p ? this.fb.u32(p) : dflt; }
  f32(slot: number, dflt = 0): number { const p = this.field(slot); return p ? this.fb.f32(p) : dflt; }
  u64(slot: number, dflt = 0): number { const p = this.field(slot); return p ? this.fb.u64(p) : dflt; }
  i64(slot: number, dflt = 0): number { const p = this.field(slot); return p ? this.fb.i64(p) : dflt; }

  string(slot: number, name: string): string | null {
    const p = this.field(slot);
    return p ? this.fb.string(this.fb.indirect(p, `The ${name} of the ${this.what}`), `The ${name} of the ${this.what}`) : null;
  }

  table(slot: number, name: string): Table | null {
    const p = this.field(slot);
    return p ? new Table(this.fb, this.fb.indirect(p, `The ${name} of the ${this.what}`), name) : null;
  }

  /** Position and length of a vector field, checked to fit the file with `elemSize` bytes each. */
  vector(slot: number, elemSize: number, name: string): { start: number; length: number } | null {
    const p = this.field(slot);
    if (!p) return null;
    const at = this.fb.indirect(p, `The ${name} vector of the ${this.what}`);
    const length = this.fb.u32(at);
    const start = at + 4;
    // Caps the length by the bytes that remain, before anything is allocated for it.
    this.fb.check(start, length * elemSize, `The ${name} vector of the ${this.what}`);
    return { start, length };
  }

  tables(slot: number, name: string): Table[] {
    const v = this.vector(slot, 4, name);
    if (!v) return [];
    this.fb.budget.spend(v.length);
    const out: Table[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const elem = v.start + 4 * i;
      out[i] = new Table(this.fb, this.fb.indirect(elem, `Element ${i} of ${name}`), name);
    }
    return out;
  }

  strings(slot: number, name: string): string[] {
    const v = this.vector(slot, 4, name);
    if (!v) return [];
    this.fb.budget.spend(v.length);
    const out: string[] = [];
    for (let i = 0; i < v.length; i++) {
      const elem = v.start + 4 * i;
      out.push(this.fb.string(this.fb.indirect(elem, `Element ${i} of ${name}`), `Element ${i} of ${name}`));
    }
    return out;
  }

  i32s(slot: number, name: string): number[] {
    return this.numbers(slot, 4, name, (p) => this.fb.bb.readInt32(p));
  }
  u32s(slot: number, name: string): number[] {
    return this.numbers(slot, 4, name, (p) => this.fb.bb.readUint32(p));
  }
  f32s(slot: number, name: string): number[] {
    return this.numbers(slot, 4, name, (p) => this.fb.bb.readFloat32(p));
  }
  i64s(slot: number, name: string): number[] {
    return this.numbers(slot, 8, name, (p) => this.fb.bb.readUint32(p) + this.fb.bb.readInt32(p + 4) * 2 ** 32);
  }

  /** A byte vector as a view into the file (no copy). */
  bytes(slot: number, name: string): Uint8Array | null {
    const v = this.vector(slot, 1, name);
    return v ? this.fb.bytes.subarray(v.start, v.start + v.length) : null;
  }

  private numbers(slot: number, size: number, name: string, read: (pos: number) => number): number[] {
    const v = this.vector(slot, size, name);
    if (!v) return [];
    this.fb.budget.spend(v.length);
    const out: number[] = new Array(v.length);
    // Bounds were checked for the whole vector above, so the unchecked reads are safe.
    for (let i = 0; i < v.length; i++) out[i] = read(v.start + size * i);
    return out;
  }
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}
