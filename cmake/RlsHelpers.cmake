# Project-wide helpers: warning flags for our own code and data embedding.

function(rls_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
                                            -Wmissing-prototypes -Wno-unused-parameter
                                            ${RLS_INSTRUMENT_FLAGS})
endfunction()

# rls_embed(OUT_VAR FILE...) turns each data file into a C source that defines
#   const unsigned char rls_data_<name>[];  (NUL-terminated)
#   const size_t rls_data_<name>_len;       (without the NUL)
# where <name> is the file name with every non-alphanumeric replaced by '_'.
# Lexicons and keyword catalogues ship inside the binary this way, so that
# installing resume-ls is copying one file.
function(rls_embed out_var)
  set(sources)
  foreach(file IN LISTS ARGN)
    get_filename_component(base "${file}" NAME)
    string(MAKE_C_IDENTIFIER "${base}" ident)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/embed/${ident}.c")
    add_custom_command(
      OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DNAME=${ident}
              -P ${PROJECT_SOURCE_DIR}/cmake/Embed.cmake
      DEPENDS "${file}" ${PROJECT_SOURCE_DIR}/cmake/Embed.cmake
      COMMENT "Embedding ${base}"
      VERBATIM)
    list(APPEND sources "${out}")
  endforeach()
  set(${out_var} ${sources} PARENT_SCOPE)
endfunction()
