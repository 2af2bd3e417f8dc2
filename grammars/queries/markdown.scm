; Block structure of a Markdown resume (tree-sitter-markdown block grammar).
; server/parse/markdown.c walks these captures in document order; nested
; captures (a paragraph inside a list item, a nested list item) follow their
; parent. The capture name is the role the parser gives the node; @list
; only tells the parser how deep the items inside it are.
; Read by server/parse/captures.c, which accepts only a subset of the query
; language (see server/parse/captures.h) and refuses the rest with its line.

(atx_heading) @heading
(setext_heading) @heading
(list) @list
(list_item) @item
(paragraph) @paragraph
(html_block) @html
(pipe_table) @table
(minus_metadata) @skip
(plus_metadata) @skip
(fenced_code_block) @skip
(link_reference_definition) @skip
(indented_code_block) @indented
(ERROR) @error
