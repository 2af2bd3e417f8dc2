; Inline constructs that carry data beside their text
; (tree-sitter-markdown-inline grammar), read by server/parse/markdown.c
; through server/parse/captures.c (a subset of the query language: see
; server/parse/captures.h).

; Where links point: contact links in the header, e.g. [GitHub](https://...).
(inline_link (link_destination) @link)
(uri_autolink) @autolink
(email_autolink) @autolink

; Pictures are dropped from the text and recorded as layout an ATS cannot read.
(image) @image

; Raw HTML inline: comments carry suppression directives.
(html_tag) @html
