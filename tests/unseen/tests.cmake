# Structure reading on forms the corpus does not hold (issue #13): small
# resumes written in this repository (resumes/{md,tex}/), each with the
# outline a person reading it writes down ({md,tex}/NAME.truth, the
# corpus-truth format), scored by the same score.py. The project is judged
# on resumes nobody here has seen; these stand in for them, and are never
# fixed by a special case. Runs everywhere (no ../shared); BASELINE is a
# ratchet like the corpus one.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME unseen/structure_read_from_unseen_forms_holds_the_baseline
         COMMAND ${Python3_EXECUTABLE} "${PROJECT_SOURCE_DIR}/tests/corpus-truth/score.py" "${RLS_BIN}"
                 "${CMAKE_CURRENT_LIST_DIR}" "${CMAKE_CURRENT_LIST_DIR}/resumes"
                 "${CMAKE_CURRENT_LIST_DIR}/BASELINE")
set_tests_properties(unseen/structure_read_from_unseen_forms_holds_the_baseline
                     PROPERTIES LABELS unit TIMEOUT 120)
