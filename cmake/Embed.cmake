# Invoked as a script by rls_embed(): IN, OUT and NAME are set on the command line.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUT}"
  "/* Generated from ${IN} by cmake/Embed.cmake; do not edit. */\n"
  "#include <stddef.h>\n"
  "extern const unsigned char rls_data_${NAME}[];\n"
  "extern const size_t rls_data_${NAME}_len;\n"
  "const unsigned char rls_data_${NAME}[] = {\n${bytes}0x00};\n"
  "const size_t rls_data_${NAME}_len = ${len};\n")
