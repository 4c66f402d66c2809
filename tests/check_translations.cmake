# Fails when a shipped catalogue is not complete: lupdate brings a copy of
# TS up to date with the library's sources (a string the .ts does not know
# yet becomes an unfinished one), then lrelease counts what is unfinished or
# untranslated.
#   cmake -DLUPDATE=... -DLRELEASE=... -DTS=... -DSOURCES=... -DWORK=... -P check_translations.cmake
foreach(var LUPDATE LRELEASE TS SOURCES WORK)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_translations.cmake needs -D${var}=")
    endif()
endforeach()
if(NOT EXISTS "${TS}")
    message(FATAL_ERROR "${TS} does not exist: run `cmake --build build --target update_translations`")
endif()

file(MAKE_DIRECTORY "${WORK}")
get_filename_component(name "${TS}" NAME)
set(copy "${WORK}/${name}")
file(COPY_FILE "${TS}" "${copy}")
execute_process(COMMAND "${LUPDATE}" -no-obsolete -locations none "@${SOURCES}" -ts "${copy}"
                RESULT_VARIABLE status OUTPUT_VARIABLE lupdate_out ERROR_VARIABLE lupdate_err)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${name}: ${lupdate_out}${lupdate_err}")
endif()
execute_process(COMMAND "${LRELEASE}" "${copy}" -qm "${WORK}/${name}.qm"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lrelease failed on ${name}: ${out}${err}")
endif()
set(report "${out}${err}")
string(REGEX MATCH "Generated ([0-9]+) translation\\(s\\) \\(([0-9]+) finished and ([0-9]+) unfinished\\)" found
       "${report}")
if(NOT found)
    message(FATAL_ERROR "lrelease's report on ${name} was not understood:\n${report}")
endif()
set(generated ${CMAKE_MATCH_1})
set(unfinished ${CMAKE_MATCH_3})
set(untranslated 0)
if(report MATCHES "Ignored ([0-9]+) untranslated source text")
    set(untranslated ${CMAKE_MATCH_1})
endif()
# lupdate's own count of the strings in the sources, to catch a catalogue
# that translates nothing at all.
set(source_texts 0)
if(lupdate_out MATCHES "Found ([0-9]+) source text")
    set(source_texts ${CMAKE_MATCH_1})
endif()
message(STATUS "${name}: ${source_texts} source texts, ${generated} translated, ${unfinished} unfinished, "
               "${untranslated} untranslated")
if(unfinished GREATER 0 OR untranslated GREATER 0)
    # The first few strings still to translate, to say which.
    file(READ "${copy}" body)
    string(REPLACE ";" "@SEMICOLON@" body "${body}")
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" missing "${body}")
    set(listing "")
    set(shown 0)
    foreach(entry IN LISTS missing)
        if(shown LESS 20)
            string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" text "${entry}")
            string(REPLACE "@SEMICOLON@" ";" text "${text}")
            string(APPEND listing "\n  ${text}")
            math(EXPR shown "${shown} + 1")
        endif()
    endforeach()
    message(FATAL_ERROR "${name} is not complete: ${unfinished} unfinished and ${untranslated} untranslated "
                        "string(s) (run `cmake --build build --target update_translations`, then translate them):"
                        "${listing}")
endif()
