// In-page probe: where each rendered line of the given elements starts, found from every character's box
// (Range.getClientRects), and which of those starts split a word (a letter or digit on both sides of the break).

export interface MidWordBreak {
  /** The text around the break, with "|" where the line broke, e.g. "사용할 수 있|어요". */
  at: string;
  element: string;
}

/** Runs in the page: returns the mid-word line breaks in the text of every element matching `selector`. */
export function findMidWordBreaks(selector: string): MidWordBreak[] {
  const letter = /[\p{L}\p{N}]/u;
  const found: MidWordBreak[] = [];
  for (const element of document.querySelectorAll(selector)) {
    const chars: string[] = [];
    let lineTop: number | null = null;
    let lineHeight = 0;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        // Collapsed whitespace has no box; it still counts as the character before the next one.
        const box = [...range.getClientRects()].find((r) => r.width > 0);
        const ch = node.data[i];
        if (box) {
          const newLine = lineTop !== null && box.top > lineTop + lineHeight / 2;
          const before = chars[chars.length - 1];
          if (newLine && before !== undefined && letter.test(before) && letter.test(ch)) {
            const text = chars.join("");
            found.push({ at: `${text.slice(-8)}|${node.data.slice(i, i + 8)}`, element: element.className });
          }
          if (lineTop === null || newLine) {
            lineTop = box.top;
            lineHeight = box.height;
          }
        }
        chars.push(ch);
      }
    }
  }
  return found;
}
