# Installs the build into a scratch prefix and checks that the executable and
# every desktop-integration file land where desktops look for them.
set(prefix "${BUILD_DIR}/install-check")
file(REMOVE_RECURSE "${prefix}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE failed OUTPUT_QUIET)
if(failed)
    message(FATAL_ERROR "cmake --install failed")
endif()
foreach(path
        bin/attention-visualizer
        share/applications/attention-visualizer.desktop
        share/metainfo/io.github.attention_visualizer.metainfo.xml
        share/mime/packages/attention-visualizer.xml
        share/icons/hicolor/scalable/apps/attention-visualizer.svg
        share/icons/hicolor/16x16/apps/attention-visualizer.png
        share/icons/hicolor/48x48/apps/attention-visualizer.png
        share/icons/hicolor/256x256/apps/attention-visualizer.png)
    if(NOT EXISTS "${prefix}/${path}")
        message(FATAL_ERROR "not installed: ${path}")
    endif()
endforeach()
file(READ "${prefix}/share/applications/attention-visualizer.desktop" desktop)
if(NOT desktop MATCHES "Exec=attention-visualizer" OR NOT desktop MATCHES "Icon=attention-visualizer")
    message(FATAL_ERROR "the .desktop entry does not start the installed executable with its icon")
endif()
find_program(desktop_validate desktop-file-validate)
if(desktop_validate)
    execute_process(COMMAND ${desktop_validate} "${prefix}/share/applications/attention-visualizer.desktop"
                    RESULT_VARIABLE invalid)
    if(invalid)
        message(FATAL_ERROR "desktop-file-validate rejects the .desktop entry")
    endif()
endif()
file(REMOVE_RECURSE "${prefix}")
message(STATUS "install layout ok")
