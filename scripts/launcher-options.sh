# Sourced by the scripts that start Facet: reads app's launcher.properties, the one file that says how Facet is
# started (the installers read it too).
#   launcher_option KEY     prints the value of KEY
#   window_java_options     prints the window's JVM options on this system: launcher.windowJavaOptions, and on Linux
#                           also launcher.windowJavaOptions.linux (options that other systems' JVMs refuse)
launcher_options_file="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/app/src/main/resources/dev/facet/app/launcher.properties"
launcher_option() { sed -n "s/^$1=//p" "$launcher_options_file"; }
window_java_options() {
  if [ "$(uname -s)" = Linux ]; then
    echo "$(launcher_option launcher.windowJavaOptions) $(launcher_option launcher.windowJavaOptions.linux)"
  else
    launcher_option launcher.windowJavaOptions
  fi
}
