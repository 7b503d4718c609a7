/** Text made safe to show: one line, cut short, valid UTF-16. */

// A UTF-16 surrogate without its partner: no valid character, and it cannot
// be percent-encoded.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g')

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text)
}

/** A value quoted on one line, cut short, so any input can be shown safely. */
export function quote(value: string, max = 80): string {
  const line = value
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    // Lone surrogates would each escape to six characters.
    .replace(LONE_SURROGATES, '\ufffd')
  return JSON.stringify(line.length > max ? `${line.slice(0, max)}…` : line)
}
