#!/bin/sh
# Starts Lankit with a Java 17 or newer; arguments are passed on (e.g. --headless).
# Looks for lankit.jar next to this script, then in ../target (a build from source).
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/lankit.jar"
[ -f "$jar" ] || jar="$here/../target/lankit.jar"

say() {
  echo "$1" >&2
  if [ -z "$LANKIT_NO_DIALOG" ] && [ -n "$DISPLAY" ] && command -v zenity >/dev/null 2>&1; then
    zenity --error --title=Lankit --text="$1" 2>/dev/null
  fi
}

if [ ! -f "$jar" ]; then
  say "Lankit cannot find lankit.jar. Keep this launcher in the same folder as lankit.jar."
  exit 1
fi

java_cmd=""
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java_cmd=$(command -v java)
fi

major=0
if [ -n "$java_cmd" ]; then
  about=$("$java_cmd" -version 2>&1)
  version=$(echo "$about" | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  case "$version" in
    1.*) major=$(echo "$version" | cut -d. -f2) ;;
    *) major=$(echo "$version" | cut -d. -f1 | cut -d- -f1) ;;
  esac
fi

if [ -z "$java_cmd" ] || [ "${major:-0}" -lt 17 ] 2>/dev/null; then
  say "Lankit needs Java 17 or newer, and this computer has ${version:-no Java}. Install Java 17 (for example Temurin from adoptium.net), then start Lankit again."
  exit 1
fi

# The same JVM options as the jar's JvmOptions (a plain "java -jar lankit.jar" starts itself again
# with them): heap and stacks bounded, else the heap may grow to a quarter of the computer's memory;
# and, when this Java maps its own class-data archive ("sharing"; without it a JVM asked for ours
# refuses to start), one of ours for faster starts, asked for on the first run and used after it.
runtime="${XDG_DATA_HOME:-$HOME/.local/share}/lankit/runtime"
# named after the jar's size and the Java build: an archive another build wrote would stop this one
archive="$runtime/lankit-$(wc -c < "$jar" | tr -d ' ')-$(echo "$about" | sed -n 's/.*VM.*(build \([^,)]*\).*/\1/p' | head -n 1).jsa"
set -- -jar "$jar" "$@"
case "$about" in
  *sharing*)
    if [ -f "$archive" ]; then
      set -- "-XX:SharedArchiveFile=$archive" "$@"
    else
      mkdir -p "$runtime" 2>/dev/null
      set -- -XX:+RecordDynamicDumpInfo "$@"
    fi
    set -- -Xlog:cds=off,cds+dynamic=off "-Dlankit.cds=$archive" "$@" ;;
esac
exec "$java_cmd" -Xms16m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m \
  -Dlankit.jvm=bounded "$@"
