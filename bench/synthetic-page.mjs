// @ts-check
/**
 * The synthetic page of bench/wasm-memory.mjs and bench/wasm-time.mjs, as wire arrays for the Wasm
 * core's `analyze`: `body > div.card > (h2 > a, p)` repeated, 6 nodes a card.
 */

/** The wire arrays of a page of `n` cards. @param {number} n */
export function page(n) {
  const strs = ["html", "body", "div", "p", "#text", "class", "card", "h2", "a", "href", "/x"];
  /** @type {number[]} */ const names = [], parents = [], texts = [], attrs = [];
  const add = (/** @type {number} */ name, /** @type {number} */ parent, text = 0xffffffff) => {
    names.push(name);
    parents.push(parent);
    texts.push(text);
    return names.length - 1;
  };
  const body = add(1, add(0, -1));
  for (let i = 0; i < n; i++) {
    const card = add(2, body);
    attrs.push(card, 5, 6);
    const a = add(8, add(7, card));
    attrs.push(a, 9, 10);
    strs.push(`Headline number ${i} about the council and the transit plan`);
    add(4, a, strs.length - 1);
    strs.push(`Paragraph ${i}: the mayor said on Friday that the plan would go ahead as agreed, whatever the outcome of the appeal, ünïcödé text.`);
    add(4, add(3, card), strs.length - 1);
  }
  return [strs.join("\0"), new Uint32Array(names), new Int32Array(parents), new Uint32Array(texts), new Uint32Array(attrs)];
}
