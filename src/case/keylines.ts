/**
 * Every `- key: value` line of one file, numbered in the order read and held as positions in the
 * file, and chained: a node's key list, or a reply's, is the chain from its first line.
 *
 * Why not an object per line: a large case has a hundred thousand such lines, and they all live
 * until the whole file is read, so the garbage collector would copy each one, often twice. Here a
 * line is a few numbers in typed arrays (outside the heap it copies), and its key and value are
 * cut from the file when a reader asks for them.
 */
import { Recent } from './lines.ts';
import { grown } from './typed.ts';
import type { Lang } from './types.ts';

/** The line had no `key: value` shape. */
const MALFORMED = 1;
/** Read against a vocabulary and kept: not unknown, not a repeat. */
const KEPT = 2;
/** The kept key is the `zh` or `en` form of a localised key (`feedback en`). */
const ZH = 4;
const EN = 8;
/** The key or value is not one cut from the file, but kept in `keyWritten` or `valueWritten`. */
const KEY_WRITTEN = 16;
const VALUE_WRITTEN = 32;

/** Where a list of keys starts: the number of its first line, or −1 for none. */
export interface KeyList {
  firstKey: number;
}

export class KeyLines {
  size = 0;
  line = new Int32Array(256);
  column = new Int32Array(256);
  valueColumn = new Int32Array(256);
  /** The next line in the same list, or −1. */
  next = new Int32Array(256);
  // [keyFrom, keyTo) and [valueFrom, valueTo) in the file; for a malformed line, the key is the whole line.
  private keyFrom = new Int32Array(256);
  private keyTo = new Int32Array(256);
  private valueFrom = new Int32Array(256);
  private valueTo = new Int32Array(256);
  private state = new Uint8Array(256);
  /** Canonical key names, by number: few, whatever the size of the file. */
  private nameOf = new Uint8Array(256);
  private readonly names: string[] = [''];
  private readonly recent = new Recent();
  // Values that are not one cut from the file: continued on further lines, or read as meant
  // from a line without a colon (few, in any file).
  private readonly keyWritten = new Map<number, string>();
  private readonly valueWritten = new Map<number, string>();

  constructor(readonly text: string) {}

  /**
   * A new line at the end of the list whose last line is `after` (−1: it starts a list). The
   * value is [`valueFrom`, `valueTo`) and starts at `valueColumn`; without one (`valueFrom` −1)
   * the line is malformed.
   */
  add(after: number, line: number, column: number, keyFrom: number, keyTo: number, valueFrom: number, valueTo: number, valueColumn: number): number {
    const i = this.size++;
    if (i === this.line.length) this.grow();
    this.line[i] = line;
    this.column[i] = column;
    this.valueColumn[i] = valueColumn;
    this.next[i] = -1;
    this.keyFrom[i] = keyFrom;
    this.keyTo[i] = keyTo;
    this.valueFrom[i] = valueFrom;
    this.valueTo[i] = valueTo;
    this.state[i] = valueFrom < 0 ? MALFORMED : 0;
    this.nameOf[i] = 0;
    if (after >= 0) this.next[after] = i;
    return i;
  }

  /** The key as written, trimmed; the whole line when it is malformed. */
  key(i: number): string {
    if (this.state[i] & KEY_WRITTEN) return this.keyWritten.get(i)!;
    return this.malformed(i) ? this.text.slice(this.keyFrom[i], this.keyTo[i]).trim() : this.recent.cut(this.text, this.keyFrom[i], this.keyTo[i]).trim();
  }

  value(i: number): string {
    if (this.state[i] & VALUE_WRITTEN) return this.valueWritten.get(i)!;
    return this.valueFrom[i] < 0 ? '' : this.recent.cut(this.text, this.valueFrom[i], this.valueTo[i]).trimEnd();
  }

  setValue(i: number, value: string): void {
    this.valueWritten.set(i, value);
    this.state[i] |= VALUE_WRITTEN;
  }

  malformed(i: number): boolean {
    return (this.state[i] & MALFORMED) !== 0;
  }

  /** A malformed line read as the key and value it was meant to have. */
  readAs(i: number, key: string, value: string): void {
    this.keyWritten.set(i, key);
    this.valueWritten.set(i, value);
    this.state[i] |= KEY_WRITTEN | VALUE_WRITTEN;
  }

  kept(i: number): boolean {
    return (this.state[i] & KEPT) !== 0;
  }

  /** Line `i` counts as key `name` (in language `lang`). */
  keep(i: number, name: string, lang: Lang | undefined): void {
    this.nameOf[i] = this.numberOf(name);
    this.state[i] |= KEPT | langBit(lang);
  }

  /** A line of the list from `first`, before line `i`, that is kept as key `name` in `lang`; −1 if none. */
  earlier(first: number, i: number, name: string, lang: Lang | undefined): number {
    const n = this.numberOf(name);
    const tag = KEPT | langBit(lang);
    for (let j = first; j >= 0 && j !== i; j = this.next[j]) if (this.nameOf[j] === n && (this.state[j] & (KEPT | ZH | EN)) === tag) return j;
    return -1;
  }

  private numberOf(name: string): number {
    let n = this.names.indexOf(name);
    if (n < 0) n = this.names.push(name) - 1;
    return n;
  }

  /** The canonical key of a kept line; '' for any other. */
  name(i: number): string {
    return this.names[this.nameOf[i]];
  }

  lang(i: number): Lang | undefined {
    const s = this.state[i];
    return s & ZH ? 'zh' : s & EN ? 'en' : undefined;
  }

  private grow(): void {
    const n = this.line.length * 2;
    this.line = grown(this.line, new Int32Array(n));
    this.column = grown(this.column, new Int32Array(n));
    this.valueColumn = grown(this.valueColumn, new Int32Array(n));
    this.next = grown(this.next, new Int32Array(n));
    this.keyFrom = grown(this.keyFrom, new Int32Array(n));
    this.keyTo = grown(this.keyTo, new Int32Array(n));
    this.valueFrom = grown(this.valueFrom, new Int32Array(n));
    this.valueTo = grown(this.valueTo, new Int32Array(n));
    this.state = grown(this.state, new Uint8Array(n));
    this.nameOf = grown(this.nameOf, new Uint8Array(n));
  }
}

function langBit(lang: Lang | undefined): number {
  return lang === 'zh' ? ZH : lang === 'en' ? EN : 0;
}
