/**
 * @module demo/xml-check — a strict well-formedness check for the XML the demo serves (feeds, SVG,
 * sitemap). Lenient parsers silently repair broken markup, so the tests use this to catch it.
 */

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
const ENTITY_OK = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

function stripSpecial(xml: string): string {
  return xml
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\uFEFF?<\?xml[^?]*\?>/, '');
}

function entityProblems(text: string): string[] {
  const problems: string[] = [];
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    ENTITY_OK.lastIndex = i;
    if (!ENTITY_OK.test(text)) problems.push(`bare "&" at ${i}: ${text.slice(i, i + 20)}`);
  }
  return problems;
}

/** Problems that make `xml` not well-formed (unbalanced or malformed tags, bare `&`, stray text); [] when fine. */
export function xmlProblems(xml: string): string[] {
  const body = stripSpecial(xml);
  const problems = entityProblems(body);
  const stack: string[] = [];
  let roots = 0;
  let last = 0;
  for (const match of body.matchAll(TAG)) {
    const between = body.slice(last, match.index);
    if (between.includes('<') || between.includes('>')) problems.push(`malformed markup near ${match.index}: ${between.slice(0, 40)}`);
    if (stack.length === 0 && between.trim() !== '') problems.push(`text outside the root element: ${between.trim().slice(0, 40)}`);
    last = match.index + match[0].length;
    const [, closing, name = '', , selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
  }
  const tail = body.slice(last);
  if (tail.includes('<') || tail.trim() !== '') problems.push(`trailing content: ${tail.trim().slice(0, 40)}`);
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}
