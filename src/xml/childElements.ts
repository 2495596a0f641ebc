/**
 * Direct child elements with a local name, whatever namespace prefix the document uses: DASH
 * manifests, VAST and XMLTV exports each write their elements with and without prefixes.
 */
export const childElements = (parent: ParentNode, name: string): Element[] =>
  Array.from(parent.children).filter((child) => child.localName === name)
