; latex-structure.scm - the nodes that give a LaTeX resume its structure.
;
; The parser (server/parse/latex.c) walks these captures in document order.
; What a macro means (heading, entry, bullet, contact...) is decided by the
; template tables in server/parse/tex_templates.c, keyed by the macro name,
; so a new template is mostly a table row; a new *kind of node* is a pattern
; here. Capture names are the contract with latex.c.
;
; This file is read by server/parse/captures.c, not by tree-sitter's query
; compiler, and only in its subset: (node) @name, "token" @name,
; [ (a) "b" ] @name and (parent (child) @name). Anything else is refused
; with its line when the program starts (and in tests/unit/captures_test.c).
; Order: a node comes before everything inside it (so a text node before the
; macros in it), siblings in source order; several patterns matching one
; node come in pattern order. This is ts_query_cursor_next_capture's order,
; which the test checks.

; Running text outside any recognised structure becomes paragraphs.
(text) @text
(inline_formula) @math
(displayed_equation) @math
(math_environment) @math
(hyperlink) @link
(color_reference) @text
; The grammar keeps some punctuation outside text nodes.
[ "," "=" "(" ")" ] @text

; Headings: the grammar makes each sectioning command a node that contains
; its section body.
[
  (part)
  (chapter)
  (section)
  (subsection)
  (subsubsection)
  (paragraph)
  (subparagraph)
] @section

; Every macro use: templates' entries, bullets, headings, contacts, icons.
(generic_command) @command

; Environments: lists (depth of bullets), layout (tables, columns), document.
(generic_environment) @env

; \item, in any list environment.
(enum_item) @item


; Comments carry suppression directives (% resume-ls-disable RULE).
(line_comment) @comment
(block_comment) @comment
(comment_environment) @comment

(graphics_include) @image
(new_command_definition) @macro
(ERROR) @error

; Nodes whose inner text is not page text.
[
  (old_command_definition)
  (let_command_definition)
  (environment_definition)
  (package_include)
  (class_include)
  (latex_include)
  (import_include)
  (verbatim_include)
  (bibtex_include)
  (biblatex_include)
  (bibstyle_include)
  (color_definition)
  (color_set_definition)
  (label_definition)
  (label_reference)
  (label_reference_range)
  (label_number)
  (citation)
  (brack_group)
  (brack_group_text)
  (brack_group_key_value)
  (begin)
  (end)
  (title_declaration)
  (author_declaration)
  (verbatim_environment)
  (listing_environment)
  (minted_environment)
  (theorem_definition)
  (paired_delimiter_definition)
  (counter_declaration)
  (counter_definition)
  (counter_addition)
  (counter_increment)
  (counter_value)
  (counter_typesetting)
  (tikz_library_import)
  (svg_include)
  (inkscape_include)
  (acronym_definition)
  (glossary_entry_definition)
] @skip
