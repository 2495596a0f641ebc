/**
 * Direct child elements with a local name, whatever namespace prefix the document uses: DASH
 * manifests, VAST and XMLTV exports each write their elements with and without prefixes. Read
 * through childNodes, as older engines have no `children` on a Document.
 */
export const childElements = (parent: Element | Document, name: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (node as Element).localName === name,
  )
