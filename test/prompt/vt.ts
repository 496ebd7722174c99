// A tiny terminal emulator for tests: enough of VT100/xterm to replay what the prompt draws
// (CR, LF, cursor up/forward, erase below, autowrap with xterm's pending-wrap) into a grid.
export class VirtualTerminal {
  readonly grid: string[][] = [];
  row = 0;
  col = 0;
  private pendingWrap = false;

  constructor(
    readonly cols: number,
    readonly rows = 40,
  ) {
    for (let r = 0; r < rows; r++) this.grid.push(new Array<string>(cols).fill(' '));
  }

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\x1b') {
        const m = /^\x1b\[(\??)([0-9;]*)([A-Za-z])/.exec(data.slice(i));
        if (!m) throw new Error(`unsupported escape at ${JSON.stringify(data.slice(i, i + 8))}`);
        i += m[0].length - 1;
        this.csi(m[1]!, m[2]!, m[3]!);
        continue;
      }
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.lineFeed();
        this.pendingWrap = false;
      } else {
        if (this.pendingWrap) {
          this.col = 0;
          this.lineFeed();
          this.pendingWrap = false;
        }
        this.grid[this.row]![this.col] = ch;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  private lineFeed(): void {
    if (this.row === this.rows - 1) {
      this.grid.shift();
      this.grid.push(new Array<string>(this.cols).fill(' '));
    } else this.row++;
  }

  private csi(priv: string, params: string, final: string): void {
    const n = Number(params || '1');
    if (priv === '?' || final === 'm') return;
    this.pendingWrap = false;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'C':
        this.col = Math.min(this.cols - 1, this.col + n);
        break;
      case 'J':
        for (let c = this.col; c < this.cols; c++) this.grid[this.row]![c] = ' ';
        for (let r = this.row + 1; r < this.rows; r++) this.grid[r]!.fill(' ');
        break;
      case 'K':
        for (let c = this.col; c < this.cols; c++) this.grid[this.row]![c] = ' ';
        break;
      default:
        throw new Error(`unsupported CSI ${final}`);
    }
  }

  /** The screen as text, trailing spaces and trailing empty lines removed. */
  screen(): string {
    return this.grid
      .map((r) => r.join('').replace(/ +$/, ''))
      .join('\n')
      .replace(/\n+$/, '');
  }
}
