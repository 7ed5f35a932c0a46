import type { Page } from 'playwright-core';

export interface TextSize {
  /** tag.class.names[testid] of the element. */
  where: string;
  text: string;
  px: number;
}

/** Every rendered element with its own text (not only its children's), and its font size. */
export function textSizes(page: Page): Promise<TextSize[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string; px: number }[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('script, style, noscript, title')) continue;
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!own) continue;
      if (el.getClientRects().length === 0) continue; // not rendered (display: none)
      const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class');
      const where =
        el.tagName.toLowerCase() +
        (cls ? `.${String(cls).trim().split(/\s+/).join('.')}` : '') +
        (el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : '');
      out.push({ where, text: own.slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) });
    }
    return out;
  });
}

/** Rendered text under `minPx` (16: the projector's minimum at 1280x720), by element. */
export async function smallText(page: Page, minPx = 16): Promise<string[]> {
  return (await textSizes(page))
    .filter((t) => t.px < minPx - 0.01)
    .map((t) => `${t.where} "${t.text.slice(0, 30)}" ${t.px}px`);
}
